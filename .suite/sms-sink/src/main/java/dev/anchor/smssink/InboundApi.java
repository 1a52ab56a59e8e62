package dev.anchor.smssink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A customer's SMS to the organisation, sent as the SMS provider's inbound webhook would send it.
 *
 * <pre>
 * GET  /inbound   -> 200 a plain HTML form (from, text) that posts here, no JavaScript
 * POST /inbound   {"from":"+44...","text":"...","to":"Anchor"(optional)}
 *                 -> 202 {"id":"sink-&lt;uuid&gt;","status":"sent"} once notification-service took it (2xx);
 *                    400 bad input, or what the service refused (its problem's field and message);
 *                    502 the service answered otherwise or not at all; 503 no callback configured
 *                 the form's fields (application/x-www-form-urlencoded) do the same and answer the page again
 * </pre>
 *
 * What is posted: {@code {"id","from","to","text","at"}} to {@link InboundCallback#url()}, signed.
 */
final class InboundApi implements HttpHandler {

    static final String PATH = "/inbound";
    private static final Set<String> FIELDS = Set.of("from", "to", "text");
    private static final String DEFAULT_TO = "Anchor";
    private static final int LONGEST_BODY = 64 * 1024;

    /** What became of one SMS: the sink's status, and the id sent or why not. */
    private record Outcome(int status, String id, String error) {
        static Outcome refused(String error) {
            return new Outcome(400, null, error);
        }
    }

    private final InboundCallback callback;

    /** {@code callback} null: the page says so and every SMS is answered 503. */
    InboundApi(InboundCallback callback) {
        this.callback = callback;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals(PATH) && !path.equals(PATH + "/")) {
                Responses.json(exchange, 404, Responses.error("not found"));
            } else if (exchange.getRequestMethod().equals("GET")) {
                Responses.html(exchange, 200, InboundPage.render(callback, null, false, "", ""));
            } else if (exchange.getRequestMethod().equals("POST")) {
                post(exchange);
            } else {
                Responses.json(exchange, 405, Responses.error("method not allowed"));
            }
        } catch (RuntimeException e) {
            System.err.println("SMS sink: " + e);
        } finally {
            exchange.close();
        }
    }

    private void post(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        type = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readNBytes(LONGEST_BODY + 1);
        }
        boolean form = type.equals("application/x-www-form-urlencoded");
        if (!form && !type.equals("application/json")) {
            Responses.json(exchange, 415, Responses.error("send application/json or the form (application/x-www-form-urlencoded)"));
            return;
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        if (form) {
            Map<String, String> fields = formFields(body);
            Outcome outcome = raw.length > LONGEST_BODY ? Outcome.refused("the form is too long") : send(fields);
            boolean sent = outcome.error() == null;
            // after a refusal the form keeps what was typed; after a send, the number for the next reply
            Responses.html(exchange, outcome.status(), InboundPage.render(callback,
                    sent ? "Sent as " + outcome.id() + "." : outcome.error(), sent,
                    fields.getOrDefault("from", ""), sent ? "" : fields.getOrDefault("text", "")));
            return;
        }
        Outcome outcome = raw.length > LONGEST_BODY ? Outcome.refused("body is too long") : send(jsonFields(body));
        if (outcome.error() != null) {
            Responses.json(exchange, outcome.status(), Responses.error(outcome.error()));
            return;
        }
        ObjectNode answer = Json.object().put("id", outcome.id()).put("status", "sent");
        Responses.json(exchange, outcome.status(), Json.write(answer));
    }

    /** The JSON body's fields, or an entry {@code "": <why not>} when it is not an object of known text fields. */
    private static Map<String, String> jsonFields(String body) {
        JsonNode parsed;
        try {
            parsed = Json.parse(body);
        } catch (JsonProcessingException e) {
            return Map.of("", "body is not valid JSON: " + Json.describe(e));
        }
        if (parsed.isMissingNode()) {
            return Map.of("", "body is not valid JSON: no content");
        }
        if (!(parsed instanceof ObjectNode object)) {
            return Map.of("", "body must be a JSON object {\"from\": \"+44...\", \"text\": \"...\"}");
        }
        Map<String, String> fields = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                return Map.of("", "\"" + field.getKey() + "\" is not a field (from, text, to)");
            }
            if (!field.getValue().isTextual()) {
                return Map.of("", "\"" + field.getKey() + "\" must be a string");
            }
            fields.put(field.getKey(), field.getValue().asText());
        }
        return fields;
    }

    private static Map<String, String> formFields(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (FIELDS.contains(key)) {
                fields.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private Outcome send(Map<String, String> fields) {
        if (fields.containsKey("")) {
            return Outcome.refused(fields.get(""));
        }
        String from = fields.getOrDefault("from", "").trim();
        String text = fields.getOrDefault("text", "");
        String to = fields.getOrDefault("to", "").trim();
        if (from.isEmpty()) {
            return Outcome.refused("\"from\" is required (the customer's number, e.g. +447700900123)");
        }
        if (text.isBlank()) {
            return Outcome.refused("\"text\" is required");
        }
        if (callback == null) {
            return new Outcome(503, null, "inbound SMS is not configured: the sink needs "
                    + InboundCallback.URL_VARIABLE + " and " + InboundCallback.SECRET_VARIABLE + " (./suite up sets them)");
        }
        String id = "sink-" + UUID.randomUUID();
        ObjectNode sms = Json.object().put("id", id).put("from", from).put("to", to.isEmpty() ? DEFAULT_TO : to)
                .put("text", text).put("at", Instant.now().toString());
        HttpResponse<String> answer;
        try {
            answer = callback.post(Json.write(sms));
        } catch (IOException e) {
            return new Outcome(502, null, "notification-service did not answer at " + callback.url() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(502, null, "interrupted while sending to " + callback.url());
        }
        if (answer.statusCode() / 100 == 2) {
            System.out.printf("%s inbound SMS %s from %s sent to %s%n", Instant.now(), id, from, callback.url());
            return new Outcome(202, id, null);
        }
        String why = Responses.problem(answer.body());
        return answer.statusCode() == 400 ? Outcome.refused("notification-service refused it: " + why)
                : new Outcome(502, null, "notification-service answered " + answer.statusCode() + ": " + why);
    }
}
