package dev.anchor.blocks.locale;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CustomerLocaleTest {

    private static final List<String> SHIPPED = List.of("en", "de", "fr");
    private static final BigDecimal AMOUNT = new BigDecimal("1249.5");
    private static final Instant AT = Instant.parse("2026-12-03T19:25:50.382839Z");

    @Test
    void moneyFollowsTheRegion() {
        assertEquals("£1,249.50", CustomerLocale.of("en", "Europe/London", SHIPPED).money(AMOUNT, "GBP"));
        assertEquals("1.249,50\u00a0€", CustomerLocale.of("de", "Europe/Berlin", SHIPPED).money(AMOUNT, "EUR"));
        assertEquals("€\u00a01.249,50", CustomerLocale.of("de-AT", "Europe/Vienna", SHIPPED).money(AMOUNT, "EUR"));
        assertEquals("1\u202f249,50\u00a0€", CustomerLocale.of("fr-FR", "Europe/Paris", SHIPPED).money(AMOUNT, "EUR"));
        assertEquals("JP¥1,250", CustomerLocale.of("en-GB", null, SHIPPED).money(AMOUNT, "JPY"));
    }

    @Test
    void timesAreTheCustomersLocalTimeInTheirRegionsStyle() {
        assertEquals("3 Dec 2026, 19:25", CustomerLocale.of("en", "Europe/London", SHIPPED).dateTime(AT));
        assertEquals("03.12.2026, 20:25", CustomerLocale.of("de", "Europe/Berlin", SHIPPED).dateTime(AT));
        assertEquals("3 December 2026", CustomerLocale.of("en-GB", "Europe/London", SHIPPED).date(AT));
        assertEquals("11:25", CustomerLocale.of("en", "America/Los_Angeles", SHIPPED).time(AT));
    }

    @Test
    void anUnshippedLanguageOrUnknownZoneFallsBack() {
        CustomerLocale locale = CustomerLocale.of("es-ES", "Mars/Olympus_Mons", SHIPPED);
        assertEquals("en", locale.language());
        assertEquals(Locale.of("en", "GB"), locale.format());
        assertEquals("3 Dec 2026, 19:25", locale.dateTime(AT));
        assertEquals("de", CustomerLocale.of(null, null, List.of("de", "en")).language());
    }
}
