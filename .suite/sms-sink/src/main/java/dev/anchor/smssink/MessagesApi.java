package dev.anchor.smssink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sink's HTTP API.
 *
 * <pre>
 * POST   /messages        {"to":"+49...","from":"Anchor","text":"...","reference":"..."}
 *                         -> 202 {"id":"&lt;uuid&gt;","status":"accepted"}; 400 when not a JSON object
 *                            with a non-empty "to" and a "text"
 * GET    /messages        -> 200 [ {"id":..,"receivedAt":..,&lt;original fields&gt;}, ... ] oldest first;
 *                            optional filters ?to=...&amp;reference=... (a '+' in the query is a plus)
 * GET    /messages/{id}   -> 200 one message, or 404
 * DELETE /messages        -> 204, forgets everything (and empties the journal)
 * GET    /health          -> 200 {"status":"UP"}
 * GET    /                -> 200 {"service":..,"messages":"/messages","inbound":"/inbound"}
 * /inbound                 a customer's SMS to notification-service ({@link InboundApi})
 * </pre>
 */
final class MessagesApi implements HttpHandler {

    private final MessageStore store;

    MessagesApi(MessageStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.equals("/messages")) {
                switch (method) {
                    case "POST" -> accept(exchange);
                    case "GET" -> send(exchange, 200, Json.write(store.list(query(exchange))));
                    case "DELETE" -> {
                        store.clear();
                        send(exchange, 204, null);
                    }
                    default -> send(exchange, 405, error("method not allowed"));
                }
            } else if (path.startsWith("/messages/") && method.equals("GET")) {
                Optional<ObjectNode> message = store.find(path.substring("/messages/".length()));
                send(exchange, message.isPresent() ? 200 : 404,
                        message.map(Json::write).orElseGet(() -> error("no such message")));
            } else if (path.equals("/health") && method.equals("GET")) {
                send(exchange, 200, "{\"status\":\"UP\"}");
            } else if (path.equals("/") && method.equals("GET")) {
                send(exchange, 200, "{\"service\":\"anchor local SMS sink\",\"messages\":\"/messages\","
                        + "\"inbound\":\"" + InboundApi.PATH + "\"}");
            } else {
                send(exchange, 404, error("not found"));
            }
        } catch (RuntimeException e) {
            System.err.println("SMS sink: " + e);
        } finally {
            exchange.close();
        }
    }

    private void accept(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            send(exchange, 400, error("body is not valid JSON: " + Json.describe(e)));
            return;
        }
        if (body.isMissingNode()) {
            send(exchange, 400, error("body is not valid JSON: no content"));
            return;
        }
        if (!(body instanceof ObjectNode fields)) {
            send(exchange, 400, error("body must be a JSON object"));
            return;
        }
        JsonNode to = fields.get("to");
        if (to == null || !to.isTextual() || to.asText().isBlank()) {
            send(exchange, 400, error("\"to\" is required (a phone number)"));
            return;
        }
        if (fields.get("text") == null || !fields.get("text").isTextual()) {
            send(exchange, 400, error("\"text\" is required"));
            return;
        }
        ObjectNode message = Json.object();
        message.put("id", UUID.randomUUID().toString());
        message.put("receivedAt", Instant.now().toString());
        fields.properties().forEach(field -> message.putIfAbsent(field.getKey(), field.getValue()));
        store.add(message);
        System.out.printf("%s SMS %s to %s: %s%n", message.get("receivedAt").asText(), message.get("id").asText(),
                to.asText(), fields.get("text").asText());
        send(exchange, 202, "{\"id\":\"" + message.get("id").asText() + "\",\"status\":\"accepted\"}");
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(decode(key), decode(value));
        }
        return query;
    }

    // phone numbers start with '+': keep it a plus instead of the form-encoding space
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String error(String message) {
        return Json.write(Map.of("error", message));
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
