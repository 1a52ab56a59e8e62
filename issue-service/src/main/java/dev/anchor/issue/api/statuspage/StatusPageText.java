package dev.anchor.issue.api.statuspage;

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
 * The status page's words in the customer's language, from {@code statuspage/text_<lang>.properties}
 * (English, German, French; English otherwise and for any missing key).
 */
public final class StatusPageText {

    private static final List<String> LANGUAGES = List.of("en", "de", "fr");
    private static final Map<String, Map<String, String>> TEXT = load();

    private final String language;

    private StatusPageText(String language) {
        this.language = language;
    }

    /** The words for {@code language} (a BCP 47 tag such as {@code de} or {@code de-AT}). */
    public static StatusPageText of(String language) {
        String lang = language == null ? "en" : Locale.forLanguageTag(language).getLanguage();
        return new StatusPageText(TEXT.containsKey(lang) ? lang : "en");
    }

    /** Every word of the page in this language (English where a translation is missing), for the template. */
    public Map<String, String> labels() {
        Map<String, String> all = new HashMap<>(TEXT.get("en"));
        all.putAll(TEXT.get(language));
        return all;
    }

    public String language() {
        return language;
    }

    /** The text for {@code key}, or null when there is none (unlike {@link #get}, which falls back to the key). */
    public String find(String key) {
        String text = TEXT.get(language).get(key);
        return text != null ? text : TEXT.get("en").get(key);
    }

    public String get(String key) {
        String text = TEXT.get(language).get(key);
        return text != null ? text : TEXT.get("en").getOrDefault(key, key);
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> text = new HashMap<>();
        for (String language : LANGUAGES) {
            String resource = "statuspage/text_" + language + ".properties";
            try (InputStream in = StatusPageText.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + resource);
                }
                Properties words = new Properties();
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> map = new HashMap<>();
                words.stringPropertyNames().forEach(key -> map.put(key, words.getProperty(key)));
                text.put(language, Map.copyOf(map));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(text);
    }
}
