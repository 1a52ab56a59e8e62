package dev.anchor.blocks.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignedLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final SignedLinks links = new SignedLinks("a-test-secret-of-some-length");

    @Test
    void aTokenGivesBackItsFieldsForItsPurposeUntilItExpires() {
        String token = links.sign("unsubscribe", NOW.plus(Duration.ofDays(30)), "c-42", "service");
        var claims = links.verify("unsubscribe", token, NOW).orElseThrow();
        assertEquals(List.of("c-42", "service"), claims.fields());
        assertEquals(NOW.plus(Duration.ofDays(30)), claims.expires());
        assertTrue(links.verify("unsubscribe", token, NOW.plus(Duration.ofDays(30))).isEmpty(), "expired at its expiry");
    }

    @Test
    void aTokenOpensNoOtherPurposeAndNoOtherKeysLinks() {
        String token = links.sign("unsubscribe", NOW.plusSeconds(60), "c-42");
        assertTrue(links.verify("preferences", token, NOW).isEmpty());
        assertTrue(new SignedLinks("another-secret-of-some-length").verify("unsubscribe", token, NOW).isEmpty());
    }

    @Test
    void aChangedOrMalformedTokenIsRefused() {
        String token = links.sign("preferences", NOW.plusSeconds(60), "c-42");
        String payload = token.substring(0, token.indexOf('.'));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("preferences|9999999999|c-43".getBytes()) + token.substring(token.indexOf('.'));
        for (String bad : List.of(forged, payload, payload + ".", "." + payload, token + ".x", "%%%.%%%", "", "x".repeat(600))) {
            assertTrue(links.verify("preferences", bad, NOW).isEmpty(), bad);
        }
        assertTrue(links.verify("preferences", null, NOW).isEmpty());
    }

    @Test
    void fieldsAndKeysAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> links.sign("p", NOW, "a|b"));
        assertThrows(IllegalArgumentException.class, () -> new SignedLinks("short"));
    }
}
