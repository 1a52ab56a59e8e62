package dev.anchor.notification;

import dev.anchor.notification.domain.Channels;
import dev.anchor.notification.domain.CustomerContact;
import dev.anchor.notification.domain.Language;
import dev.anchor.notification.domain.QuietHours;
import dev.anchor.notification.domain.SmsSegments;
import dev.anchor.notification.domain.Deliveries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SMS segment counting, quiet hours across midnight and time zones, language fallback, channel choice. */
class MessageRulesTest {

    @ParameterizedTest(name = "{0} chars of {1} -> {2} {3} segment(s)")
    @CsvSource({
            "160, a, GSM7, 1", "161, a, GSM7, 2", "306, a, GSM7, 2", "307, a, GSM7, 3",
            "70, ü, GSM7, 1", "80, €, GSM7, 1", "81, €, GSM7, 2",
            "70, ✓, UCS2, 1", "71, ✓, UCS2, 2", "134, ✓, UCS2, 2", "135, ✓, UCS2, 3"})
    void countsSegments(int count, String c, String encoding, int segments) {
        SmsSegments.Count result = SmsSegments.count(c.repeat(count));
        assertEquals(encoding, result.encoding().name());
        assertEquals(segments, result.segments());
    }

    @Test
    void extensionCharactersCountTwiceAndEmojiAreTwoUnits() {
        assertEquals(2, SmsSegments.count("{").units());
        assertEquals(SmsSegments.Encoding.UCS2, SmsSegments.count("hi 😀").encoding());
        assertEquals(5, SmsSegments.count("hi 😀").units());
    }

    @Test
    void fittingKeepsTheLinkAndStaysWithinTwoSegments() {
        String link = " https://status.example/s/abc";
        String fitted = SmsSegments.fit("x".repeat(400), link, 2);
        assertTrue(fitted.endsWith("..." + link));
        assertEquals(2, SmsSegments.count(fitted).segments());
        assertEquals(SmsSegments.Encoding.GSM7, SmsSegments.count(fitted).encoding());
        String ucs = SmsSegments.fit("✓".repeat(400), link, 2);
        assertTrue(ucs.endsWith(link));
        assertEquals(2, SmsSegments.count(ucs).segments());
    }

    @Test
    void quietHoursAcrossMidnightInTheCustomersZone() {
        QuietHours berlin = QuietHours.of("22:00", "07:00", "Europe/Berlin").orElseThrow();
        assertEquals(Optional.of(Instant.parse("2026-11-24T06:00:00Z")), berlin.deferral(Instant.parse("2026-11-23T21:30:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-11-24T06:00:00Z")), berlin.deferral(Instant.parse("2026-11-24T01:00:00Z")));
        assertEquals(Optional.empty(), berlin.deferral(Instant.parse("2026-11-24T06:00:00Z")));
        assertEquals(Optional.empty(), berlin.deferral(Instant.parse("2026-11-23T20:59:00Z")));
        QuietHours lunch = QuietHours.of("12:00", "13:00", "UTC").orElseThrow();
        assertEquals(Optional.of(Instant.parse("2026-11-23T13:00:00Z")), lunch.deferral(Instant.parse("2026-11-23T12:30:00Z")));
        assertTrue(QuietHours.of("25:00", "07:00", "UTC").isEmpty());
        assertTrue(QuietHours.of("22:00", "07:00", "Nowhere/Land").isEmpty());
    }

    @Test
    void gsmTextRoundTripsAsSeptets() {
        String text = "Issue K7-4QX9: 10€ [refund] {ok} ~ Ärger? @home_ ü";
        byte[] septets = SmsSegments.gsmEncode(text);
        assertEquals(text, SmsSegments.gsmDecode(septets));
        assertEquals(SmsSegments.count(text).units(), septets.length);
    }

    @Test
    void retriesBackOffExponentiallyWithJitterUpToTheCap() {
        java.time.Duration base = java.time.Duration.ofSeconds(5);
        java.time.Duration max = java.time.Duration.ofMinutes(1);
        assertEquals(java.time.Duration.ofSeconds(5), Deliveries.backoff(base, max, 1, 0));
        assertEquals(java.time.Duration.ofSeconds(10), Deliveries.backoff(base, max, 2, 0));
        assertEquals(java.time.Duration.ofSeconds(40), Deliveries.backoff(base, max, 4, 0));
        assertEquals(java.time.Duration.ofSeconds(60), Deliveries.backoff(base, max, 9, 0));
        assertEquals(java.time.Duration.ofMillis(12_500), Deliveries.backoff(base, max, 2, 0.5));
        assertTrue(Deliveries.backoff(base, max, 2, 0.999).compareTo(java.time.Duration.ofSeconds(15)) < 0);
    }

    @Test
    void languagesFallBackToEnglish() {
        assertEquals("de", Language.pick("de-AT"));
        assertEquals("de", Language.pick("DE"));
        assertEquals("fr", Language.pick("fr"));
        assertEquals("fr", Language.pick("fr-BE"));
        assertEquals("en", Language.pick("es"));
        assertEquals("en", Language.pick(null));
    }

    @Test
    void channelFallsBackOnlyWhenAllowed() {
        CustomerContact c = new CustomerContact();
        c.email = "a@example.com";
        c.preferredChannel = "sms";
        assertEquals("no-address:sms", Channels.choose(c, "email", (ch, a) -> false).reason());
        c.fallbackAllowed = true;
        assertEquals("email", Channels.choose(c, "email", (ch, a) -> false).channel());
        c.phone = "+447700900123";
        Channels.Choice both = Channels.choose(c, "email", (ch, a) -> false);
        assertEquals("sms", both.channel());
        assertEquals("email", both.fallback());
        assertEquals("email", Channels.choose(c, "email", (ch, a) -> ch.equals("sms")).channel());
        c.fallbackAllowed = false;
        assertEquals("address-suppressed:sms", Channels.choose(c, "email", (ch, a) -> ch.equals("sms")).reason());
    }
}
