package dev.anchor.smssink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sink sending a customer's SMS to notification-service's inbound webhook, over real HTTP to a JDK HttpServer
 * standing in for the service: it verifies X-Signature as CallbackResource does (HMAC-SHA256 of the raw body, hex,
 * compared in constant time) and answers as the service would.
 */
class SmsSinkInboundTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SECRET = "4f1c-test-callback-secret";
    private static final String CALLBACK = "/callbacks/sms/inbound";

    /** One request the stand-in received: its signature header, content type and raw body. */
    record Received(String signature, String contentType, String body) {
    }

    @TempDir
    Path dir;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** What the stand-in answers a correctly signed request: status and body (204 and none, as the service). */
    private volatile int answer = 204;
    private volatile String answerBody = "";
    private HttpServer service;
    private SmsSink sink;

    @BeforeEach
    void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        service.createContext(CALLBACK, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Signature");
            received.add(new Received(signature, exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8)));
            boolean verified = signature != null && signature.startsWith("sha256=") && MessageDigest.isEqual(
                    hex(signature.substring(7)), hmac(SECRET, body));
            int status = verified ? answer : 401;
            byte[] out = (verified ? answerBody : "{\"status\":401,\"title\":\"Unauthorized\","
                    + "\"detail\":\"The signature does not match the body\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        service.start();
        sink = SmsSink.start("127.0.0.1", 0, dir, callback(SECRET));
    }

    @AfterEach
    void stop() {
        sink.close();
        service.stop(0);
    }

    @Test
    void postsTheProviderStyleBodySignedWithTheCallbackSecret() throws Exception {
        Instant before = Instant.now();
        HttpResponse<String> sent = postJson("{\"from\":\"+447700900123\",\"text\":\"It drops every evening at eight.\"}");
        assertEquals(202, sent.statusCode(), sent.body());
        JsonNode answer = JSON.readTree(sent.body());
        assertEquals("sent", answer.path("status").asText());

        assertEquals(1, received.size());
        Received request = received.get(0);
        assertEquals("application/json", request.contentType());
        assertTrue(MessageDigest.isEqual(hex(request.signature().substring("sha256=".length())),
                hmac(SECRET, request.body().getBytes(StandardCharsets.UTF_8))), "the signature verifies");
        JsonNode body = JSON.readTree(request.body());
        assertEquals(List.of("id", "from", "to", "text", "at"), names(body), "the webhook's fields, nothing else");
        assertEquals(answer.path("id").asText(), body.path("id").asText());
        assertTrue(body.path("id").asText().startsWith("sink-"));
        assertEquals("+447700900123", body.path("from").asText());
        assertEquals("Anchor", body.path("to").asText());
        assertEquals("It drops every evening at eight.", body.path("text").asText());
        assertFalse(Instant.parse(body.path("at").asText()).isBefore(before.minusSeconds(1)));

        // each SMS is a new provider message
        assertEquals(202, postJson("{\"from\":\"+447700900123\",\"text\":\"Again\",\"to\":\"+447700900000\"}").statusCode());
        JsonNode second = JSON.readTree(received.get(1).body());
        assertFalse(second.path("id").asText().equals(body.path("id").asText()));
        assertEquals("+447700900000", second.path("to").asText());
    }

    @Test
    void theFormSendsTheSameWithoutJavaScript() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/inbound")).GET());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<form method=\"post\" action=\"/inbound\">"), page.body());
        assertTrue(page.body().contains("name=\"from\"") && page.body().contains("name=\"text\""), page.body());
        assertFalse(page.body().contains("<script"), "no JavaScript");

        String form = "from=" + URLEncoder.encode("+491701234567", StandardCharsets.UTF_8)
                + "&text=" + URLEncoder.encode("Ja, Dienstag passt <gut> & danke", StandardCharsets.UTF_8);
        HttpResponse<String> sent = postForm(form);
        assertEquals(202, sent.statusCode(), sent.body());
        assertTrue(sent.body().contains("Sent as sink-"), sent.body());
        assertTrue(sent.body().contains("value=\"+491701234567\""), "the number is kept for the next reply");
        JsonNode body = JSON.readTree(received.get(0).body());
        assertEquals("+491701234567", body.path("from").asText());
        assertEquals("Ja, Dienstag passt <gut> & danke", body.path("text").asText());

        HttpResponse<String> refused = postForm("from=&text=" + URLEncoder.encode("<b>hi</b>", StandardCharsets.UTF_8));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Not sent:"), refused.body());
        assertTrue(refused.body().contains("&lt;b&gt;hi&lt;/b&gt;"), "what was typed is kept, escaped");
        assertFalse(refused.body().contains("<b>hi</b>"));
        assertEquals(1, received.size());
    }

    @Test
    void refusesBadInputAndSendsNothing() throws Exception {
        Map<String, String> refusals = Map.of(
                "{\"text\":\"hi\"}", "\"from\" is required",
                "{\"from\":\"  \",\"text\":\"hi\"}", "\"from\" is required",
                "{\"from\":\"+447700900123\"}", "\"text\" is required",
                "{\"from\":\"+447700900123\",\"text\":\"  \"}", "\"text\" is required",
                "{\"from\":\"+447700900123\",\"text\":7}", "\"text\" must be a string",
                "{\"from\":\"+447700900123\",\"text\":\"hi\",\"number\":\"x\"}", "\"number\" is not a field",
                "{\"from\":", "body is not valid JSON",
                "", "body is not valid JSON",
                "[\"+447700900123\"]", "body must be a JSON object");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            HttpResponse<String> response = postJson(refusal.getKey());
            assertEquals(400, response.statusCode(), refusal.getKey() + " -> " + response.body());
            String error = JSON.readTree(response.body()).path("error").asText();
            assertTrue(error.startsWith(refusal.getValue()), refusal.getKey() + " -> " + error);
        }
        HttpResponse<String> text = send(HttpRequest.newBuilder(uri("/inbound")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hi")));
        assertEquals(415, text.statusCode());
        assertEquals(405, send(HttpRequest.newBuilder(uri("/inbound")).DELETE()).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(uri("/inboundx")).GET()).statusCode());
        assertEquals(List.of(), received);
    }

    @Test
    void saysWhatTheServiceRefusedAndWhenItIsNotThere() throws Exception {
        answer = 400;
        answerBody = "{\"status\":400,\"title\":\"Invalid request\",\"detail\":\"The request has invalid fields\","
                + "\"errors\":[{\"field\":\"from\",\"message\":\"must be an E.164 number: + and 8 to 15 digits\"}]}";
        HttpResponse<String> refused = postJson("{\"from\":\"0770\",\"text\":\"hi\"}");
        assertEquals(400, refused.statusCode());
        assertEquals("notification-service refused it: from must be an E.164 number: + and 8 to 15 digits",
                JSON.readTree(refused.body()).path("error").asText());

        // a sink with the wrong secret: the service's 401 is the sink's fault, not the sender's
        sink.close();
        sink = SmsSink.start("127.0.0.1", 0, dir, callback("another-secret"));
        HttpResponse<String> unsigned = postJson("{\"from\":\"+447700900123\",\"text\":\"hi\"}");
        assertEquals(502, unsigned.statusCode());
        assertEquals("notification-service answered 401: The signature does not match the body",
                JSON.readTree(unsigned.body()).path("error").asText());

        sink.close();
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        sink = SmsSink.start("127.0.0.1", 0, dir,
                InboundCallback.of("http://127.0.0.1:" + closed + CALLBACK, SECRET));
        HttpResponse<String> down = postJson("{\"from\":\"+447700900123\",\"text\":\"hi\"}");
        assertEquals(502, down.statusCode());
        assertTrue(JSON.readTree(down.body()).path("error").asText().startsWith("notification-service did not answer"));

        sink.close();
        sink = SmsSink.start("127.0.0.1", 0, dir);
        HttpResponse<String> unconfigured = postJson("{\"from\":\"+447700900123\",\"text\":\"hi\"}");
        assertEquals(503, unconfigured.statusCode());
        assertTrue(JSON.readTree(unconfigured.body()).path("error").asText().contains("ANCHOR_SMS_INBOUND_URL"));
        assertTrue(send(HttpRequest.newBuilder(uri("/inbound")).GET()).body().contains("Not configured"));
    }

    @Test
    void readsItsCallbackFromTheEnvironment() {
        assertEquals(null, InboundCallback.fromEnvironment(Map.of()));
        assertEquals(null, InboundCallback.fromEnvironment(Map.of("ANCHOR_SMS_INBOUND_URL", "http://x/cb")));
        InboundCallback callback = InboundCallback.fromEnvironment(Map.of("ANCHOR_SMS_INBOUND_URL",
                " http://127.0.0.1:8084/callbacks/sms/inbound ", "ANCHOR_CALLBACK_SECRET", SECRET));
        assertEquals(URI.create("http://127.0.0.1:8084/callbacks/sms/inbound"), callback.url());
        assertEquals(SECRET, new String(callback.secret(), StandardCharsets.UTF_8));
    }

    private InboundCallback callback(String secret) {
        return InboundCallback.of("http://127.0.0.1:" + service.getAddress().getPort() + CALLBACK, secret);
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + sink.port() + path);
    }

    private HttpResponse<String> postJson(String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/inbound")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> postForm(String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/inbound")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
