package dev.anchor.smssink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sink over real HTTP on a free port, as the notification service and the system tests use it. */
class SmsSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private SmsSink sink;

    @BeforeEach
    void start() throws IOException {
        sink = SmsSink.start("127.0.0.1", 0, dir);
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void acceptsAMessageAndKeepsItWithItsOwnIdAndTime() throws Exception {
        Instant before = Instant.now();
        HttpResponse<String> accepted = post("""
                {"to":"+441234567890","from":"Anchor","text":"Your issue 42 is open.","reference":"n-1","id":"mine"}""");
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals("application/json", accepted.headers().firstValue("Content-Type").orElse(""));
        JsonNode receipt = JSON.readTree(accepted.body());
        assertEquals("accepted", receipt.path("status").asText());
        String id = receipt.path("id").asText();
        assertEquals(id, UUID.fromString(id).toString(), "a UUID, not the sender's id");

        JsonNode listed = json(get("/messages"), 200);
        assertEquals(1, listed.size());
        JsonNode message = listed.get(0);
        assertEquals(List.of("id", "receivedAt", "to", "from", "text", "reference"), names(message));
        assertEquals(id, message.path("id").asText());
        assertTrue(!Instant.parse(message.path("receivedAt").asText()).isBefore(before.minusSeconds(1)));
        assertEquals("+441234567890", message.path("to").asText());
        assertEquals("Anchor", message.path("from").asText());
        assertEquals("Your issue 42 is open.", message.path("text").asText());
        assertEquals("n-1", message.path("reference").asText());

        assertEquals(message, json(get("/messages/" + id), 200));
        assertEquals("no such message", json(get("/messages/" + UUID.randomUUID()), 404).path("error").asText());
    }

    @Test
    void filtersByFieldsKeepingAPlusInTheQueryAPlus() throws Exception {
        assertEquals(202, post("{\"to\":\"+4411\",\"text\":\"one\",\"reference\":\"r1\"}").statusCode());
        assertEquals(202, post("{\"to\":\"+4422\",\"text\":\"two\",\"reference\":\"r2\"}").statusCode());
        assertEquals(202, post("{\"to\":\"+4422\",\"text\":\"three\",\"reference\":\"r3\"}").statusCode());

        assertEquals(List.of("one"), texts(get("/messages?to=+4411")));
        assertEquals(List.of("two", "three"), texts(get("/messages?to=%2B4422")));
        assertEquals(List.of("three"), texts(get("/messages?to=+4422&reference=r3")));
        assertEquals(List.of(), texts(get("/messages?to=+4499")));
        assertEquals(List.of(), texts(get("/messages?to=4411")), "the plus is part of the number");
        assertEquals(List.of("one", "two", "three"), texts(get("/messages/")), "a trailing slash is the same list");
    }

    @Test
    void refusesWhatIsNotAMessageAndKeepsNothingOfIt() throws Exception {
        Map<String, String> refusals = Map.ofEntries(
                Map.entry("{\"to\":\"+4411\",\"text\":", "body is not valid JSON"),
                Map.entry("{\"to\":\"+4411\",\"text\":\"hi\"} trailing", "body is not valid JSON"),
                Map.entry("{'to':'+4411','text':'hi'}", "body is not valid JSON"),
                Map.entry("", "body is not valid JSON"),
                Map.entry("[{\"to\":\"+4411\",\"text\":\"hi\"}]", "body must be a JSON object"),
                Map.entry("\"+4411\"", "body must be a JSON object"),
                Map.entry("{\"text\":\"hi\"}", "\"to\" is required (a phone number)"),
                Map.entry("{\"to\":\"  \",\"text\":\"hi\"}", "\"to\" is required (a phone number)"),
                Map.entry("{\"to\":4411,\"text\":\"hi\"}", "\"to\" is required (a phone number)"),
                Map.entry("{\"to\":\"+4411\"}", "\"text\" is required"),
                Map.entry("{\"to\":\"+4411\",\"text\":null}", "\"text\" is required"));
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            HttpResponse<String> response = post(refusal.getKey());
            assertEquals(400, response.statusCode(), refusal.getKey() + " -> " + response.body());
            String error = JSON.readTree(response.body()).path("error").asText();
            assertTrue(error.startsWith(refusal.getValue()), refusal.getKey() + " -> " + error);
        }
        assertEquals(0, json(get("/messages"), 200).size());
        assertTrue(!Files.exists(dir.resolve("messages.jsonl")) || Files.size(dir.resolve("messages.jsonl")) == 0);
    }

    @Test
    void deleteForgetsEverythingAndEmptiesTheJournal() throws Exception {
        assertEquals(202, post("{\"to\":\"+4411\",\"text\":\"hi\"}").statusCode());
        assertTrue(Files.size(dir.resolve("messages.jsonl")) > 0);

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/messages")).DELETE());
        assertEquals(204, deleted.statusCode());
        assertEquals("", deleted.body());
        assertEquals(0, json(get("/messages"), 200).size());
        assertEquals(0, Files.size(dir.resolve("messages.jsonl")));
    }

    @Test
    void aRestartKeepsWhatWasReceivedAsItWasSent() throws Exception {
        String id = JSON.readTree(post("{\"to\":\"+4411\",\"text\":\"hi\",\"price\":1.10,\"big\":12345678901234567890,"
                + "\"tags\":[\"a\",true,null],\"meta\":{\"n\":-0.5e3}}").body()).path("id").asText();
        sink.close();
        Files.writeString(dir.resolve("messages.jsonl"), "\nnot json\n[\"not an object\"]\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        sink = SmsSink.start("127.0.0.1", 0, dir);
        HttpResponse<String> listed = get("/messages");
        assertEquals(1, JSON.readTree(listed.body()).size(), listed.body());
        assertTrue(listed.body().contains("\"price\":1.10,\"big\":12345678901234567890,\"tags\":[\"a\",true,null]"),
                listed.body());
        assertEquals(id, JSON.readTree(listed.body()).get(0).path("id").asText());
        assertEquals(202, post("{\"to\":\"+4411\",\"text\":\"again\"}").statusCode(), "the journal is appended to");
        assertEquals(List.of("hi", "again"), texts(get("/messages?to=+4411")));
    }

    @Test
    void answersHealthAndNothingElse() throws Exception {
        assertEquals("UP", json(get("/health"), 200).path("status").asText());
        assertEquals("/messages", json(get("/"), 200).path("messages").asText());
        assertEquals("/inbound", json(get("/"), 200).path("inbound").asText());
        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/messages")).PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, put.statusCode());
        assertEquals("method not allowed", JSON.readTree(put.body()).path("error").asText());
        assertEquals("not found", json(get("/nothing-here"), 404).path("error").asText());
        assertEquals(404, send(HttpRequest.newBuilder(uri("/messages/x")).DELETE()).statusCode());
        assertNotEquals(0, sink.port());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + sink.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/messages")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static List<String> texts(HttpResponse<String> response) throws IOException {
        List<String> texts = new ArrayList<>();
        json(response, 200).forEach(message -> texts.add(message.path("text").asText()));
        return texts;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
