package dev.anchor.blocks.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words of a customer-facing page in one language, from {@code <bundle>_<lang>.properties} on the class path
 * (the first of the bundle's languages for any other language and for any key a translation lacks). Chosen by the
 * customer's language tag when the page knows whom it serves, else by the browser's {@code Accept-Language}.
 */
public final class PageText {

    private final Bundle bundle;
    private final String language;

    private PageText(Bundle bundle, String language) {
        this.bundle = bundle;
        this.language = language;
    }

    /** A page's words in {@code languages} (the first is the fallback), e.g. {@code bundle("statuspage/text", "en", "de")}. */
    public static Bundle bundle(String name, String... languages) {
        return new Bundle(name, List.of(languages));
    }

    /** The words of one page in every language it ships, read once. */
    public static final class Bundle {
        private final List<String> languages;
        private final Map<String, Map<String, String>> text = new HashMap<>();

        private Bundle(String name, List<String> languages) {
            this.languages = languages;
            for (String language : languages) {
                text.put(language, load(name + "_" + language + ".properties"));
            }
        }

        public List<String> languages() {
            return languages;
        }

        /** The words for a language tag ({@code de}, {@code de-AT}; null or unknown: the fallback). */
        public PageText forTag(String languageTag) {
            String language = languageTag == null ? "" : Locale.forLanguageTag(languageTag.strip()).getLanguage();
            return new PageText(this, text.containsKey(language) ? language : languages.getFirst());
        }

        /** The words for the languages a browser asks for (RFC 9110 {@code Accept-Language}), else the fallback. */
        public PageText forAcceptLanguage(String acceptLanguage) {
            if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
                return forTag(null);
            }
            try {
                return forTag(Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), languages));
            } catch (IllegalArgumentException malformed) {
                return forTag(null);
            }
        }

        private static Map<String, String> load(String resource) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + resource);
                }
                Properties words = new Properties();
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> map = new HashMap<>();
                words.stringPropertyNames().forEach(key -> map.put(key, words.getProperty(key)));
                return Map.copyOf(map);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String language() {
        return language;
    }

    /** Every word in this language (the fallback's where a translation is missing), for the templates. */
    public Map<String, String> labels() {
        Map<String, String> all = new HashMap<>(bundle.text.get(bundle.languages.getFirst()));
        all.putAll(bundle.text.get(language));
        return all;
    }

    /** The text for {@code key}, or null when there is none (unlike {@link #get}, which falls back to the key). */
    public String find(String key) {
        String text = bundle.text.get(language).get(key);
        return text != null ? text : bundle.text.get(bundle.languages.getFirst()).get(key);
    }

    public String get(String key) {
        String text = find(key);
        return text != null ? text : key;
    }
}
