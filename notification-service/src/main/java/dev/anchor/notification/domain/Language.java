package dev.anchor.notification.domain;

import java.util.List;
import java.util.Locale;

/** The languages templates exist in; anything else falls back to English (the first). */
public final class Language {

    public static final List<String> SUPPORTED = List.of("en", "de", "fr");
    public static final String DEFAULT = "en";

    private Language() {
    }

    /** "de-AT", "DE", "de_CH" → "de", "fr-BE" → "fr"; unknown or missing → "en". */
    public static String pick(String preferred) {
        if (preferred == null || preferred.isBlank()) {
            return DEFAULT;
        }
        String primary = preferred.trim().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(primary) ? primary : DEFAULT;
    }
}
