package dev.anchor.blocks.page;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PageTextTest {

    private final PageText.Bundle words = PageText.bundle("pagetext/words", "en", "de");

    @Test
    void theCustomersLanguageWithTheFallbacksWordsWhereATranslationIsMissing() {
        PageText german = words.forTag("de-AT");
        assertEquals("de", german.language());
        assertEquals("Hallo", german.get("hello"));
        assertEquals("Only in English", german.get("only.english"));
        assertEquals("Hallo", german.labels().get("hello"));
        assertEquals("no.such.key", german.get("no.such.key"));
        assertNull(german.find("no.such.key"));
        assertEquals("en", words.forTag("fr").language());
        assertEquals("en", words.forTag(null).language());
    }

    @Test
    void aBrowsersAcceptLanguagePicksAShippedLanguage() {
        assertEquals("de", words.forAcceptLanguage("fr-CH, de;q=0.9, en;q=0.8").language());
        assertEquals("en", words.forAcceptLanguage("fr-CH, fr;q=0.9").language());
        assertEquals("en", words.forAcceptLanguage("not a ;;; header q=").language());
        assertEquals("en", words.forAcceptLanguage(null).language());
    }
}
