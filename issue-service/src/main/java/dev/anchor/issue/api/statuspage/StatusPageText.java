package dev.anchor.issue.api.statuspage;

import dev.anchor.blocks.page.PageText;

/**
 * The status page's words, from {@code statuspage/text_<lang>.properties} (English, German, French; English for any
 * other language and any missing key).
 */
final class StatusPageText {

    private static final PageText.Bundle WORDS = PageText.bundle("statuspage/text", "en", "de", "fr");

    private StatusPageText() {
    }

    /** The words for a language tag ({@code de}, {@code de-AT}). */
    static PageText of(String languageTag) {
        return WORDS.forTag(languageTag);
    }
}
