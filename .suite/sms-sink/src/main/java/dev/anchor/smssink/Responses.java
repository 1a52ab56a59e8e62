package dev.anchor.smssink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writing the sink's answers, and reading notification-service's problem+json. */
final class Responses {

    private Responses() {
    }

    static String error(String message) {
        return Json.write(Map.of("error", message));
    }

    static void json(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json);
    }

    static void html(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", html);
    }

    /** What a problem says (its first field error, else its detail or title), else the start of the body. */
    static String problem(String body) {
        try {
            JsonNode problem = Json.parse(body);
            JsonNode error = problem.path("errors").path(0);
            if (error.hasNonNull("field")) {
                return error.path("field").asText() + " " + error.path("message").asText();
            }
            if (problem.hasNonNull("detail") || problem.hasNonNull("title")) {
                return problem.hasNonNull("detail") ? problem.path("detail").asText() : problem.path("title").asText();
            }
        } catch (JsonProcessingException e) {
            // not a problem document: say what came
        }
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
