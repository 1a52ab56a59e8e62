package dev.anchor.smssink;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where the sink sends a customer's SMS, as an SMS provider's inbound webhook does: a JSON body posted to
 * notification-service's {@code /callbacks/sms/inbound}, signed {@code X-Signature: sha256=<hex HMAC-SHA256 of the
 * body>} with the callback secret the service verifies ({@code ANCHOR_CALLBACK_SECRET}).
 */
record InboundCallback(URI url, byte[] secret) {

    /** The environment variables ./suite sets: the callback's URL, and the secret (not on the command line). */
    static final String URL_VARIABLE = "ANCHOR_SMS_INBOUND_URL";
    static final String SECRET_VARIABLE = "ANCHOR_CALLBACK_SECRET";
    static final String SIGNATURE = "X-Signature";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static InboundCallback of(String url, String secret) {
        return new InboundCallback(URI.create(url), secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The callback the environment names, or null when either variable is missing or blank. */
    static InboundCallback fromEnvironment(Map<String, String> environment) {
        String url = environment.get(URL_VARIABLE);
        String secret = environment.get(SECRET_VARIABLE);
        return url == null || url.isBlank() || secret == null || secret.isBlank() ? null : of(url.trim(), secret);
    }

    /** Posts the body, signed; the service's answer as it came. */
    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header(SIGNATURE, signature(secret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String signature(byte[] secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
