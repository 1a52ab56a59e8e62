package dev.anchor.blocks.locale;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one customer reads money, dates and times: the language their texts are in (one the service ships) and the
 * region their formats follow, from their language tag ({@code en-GB}, {@code de-AT}); a tag without a region takes
 * the language's home region ({@code en} → GB, {@code de} → DE, {@code fr} → FR). Formatting is the JDK's (CLDR data),
 * so the status page and every message say the same amount and the same time the same way.
 */
public record CustomerLocale(String language, Locale format, ZoneId zone) {

    private static final Map<String, String> HOME_REGION = Map.of("en", "GB", "de", "DE", "fr", "FR");

    /**
     * The locale for a customer's {@code languageTag} and {@code timeZone}: the language falls back to the first of
     * {@code shipped} when the service has no texts in it, the zone to UTC when it is missing or unknown.
     */
    public static CustomerLocale of(String languageTag, String timeZone, List<String> shipped) {
        Locale requested = languageTag == null || languageTag.isBlank() ? Locale.forLanguageTag(shipped.getFirst())
                : Locale.forLanguageTag(languageTag.strip());
        String language = shipped.contains(requested.getLanguage()) ? requested.getLanguage() : shipped.getFirst();
        String region = !requested.getCountry().isEmpty() && requested.getLanguage().equals(language)
                ? requested.getCountry() : HOME_REGION.getOrDefault(language, "");
        return new CustomerLocale(language, Locale.of(language, region), zone(timeZone));
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /** {@code 1249.50 GBP} as {@code £1,249.50} (en-GB), {@code 1.249,50 €} (de-DE), {@code 1 249,50 €} (fr-FR). */
    public String money(BigDecimal amount, String currencyCode) {
        NumberFormat money = NumberFormat.getCurrencyInstance(format);
        Currency currency = Currency.getInstance(currencyCode);
        money.setCurrency(currency);
        money.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        money.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return money.format(amount);
    }

    /** The date and time in the customer's zone, e.g. {@code 3 Dec 2026, 19:25} (en-GB), {@code 03.12.2026, 19:25} (de-DE). */
    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(format)
                .withZone(zone).format(instant);
    }

    /** The date alone in the customer's zone, e.g. {@code 8 December 2026} (en-GB), {@code 8. Dezember 2026} (de-DE). */
    public String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(format).withZone(zone).format(instant);
    }

    /** The time of day alone in the customer's zone, e.g. {@code 19:25} (en-GB, de-DE). */
    public String time(Instant instant) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(format).withZone(zone).format(instant);
    }
}
