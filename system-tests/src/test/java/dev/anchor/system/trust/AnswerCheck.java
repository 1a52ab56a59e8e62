package dev.anchor.system.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every answer to bad input must be: below 500; a refusal where the input is certainly wrong (and the status
 * the conventions promise where they promise one); every 4xx an {@code application/problem+json} with {@code status}
 * and {@code title}; a 401 with {@code WWW-Authenticate: Bearer}; and no body naming a Java type, package or frame.
 */
final class AnswerCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern JAVA_INTERNALS = Pattern.compile("\\b(?:java|javax|jakarta|dev\\.anchor|com\\.fasterxml"
            + "|org\\.hibernate|org\\.postgresql|org\\.jboss|io\\.quarkus|io\\.vertx|io\\.smallrye|io\\.netty)\\.[a-z]"
            + "|Exception\\b|\\bat [a-z][\\w$]*(?:\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\)");

    /** A percent sign not followed by two hex digits. */
    private static final Pattern MALFORMED_TARGET = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private AnswerCheck() {
    }

    /** Every way the answer breaks the rules; empty when it keeps them. */
    static List<String> problems(BadRequest request, RawHttp.Answer answer) {
        List<String> problems = new ArrayList<>();
        int status = answer.status();
        if (status >= 500) {
            problems.add("5xx");
        } else if (request.refuse() && status < 400) {
            problems.add("bad input accepted");
        } else if (request.expected() != 0 && status != request.expected()) {
            problems.add("expected " + request.expected());
        }
        if (status == 400 && MALFORMED_TARGET.matcher(request.request().target()).find() && answer.body().length == 0) {
            // Quarkus validates the request target before any handler runs and refuses it with a bare 400: the one
            // 4xx no service can shape (docs/security.md); it is still a refusal, and nothing ran
            return problems;
        }
        if (status >= 400 && status < 500) {
            String type = answer.header("Content-Type");
            if (type == null || !type.toLowerCase().startsWith("application/problem+json")) {
                problems.add("4xx not problem+json (" + (type == null ? "no Content-Type" : type) + ")");
            } else {
                problemBody(answer, problems);
            }
        }
        if (status == 401 && (answer.header("WWW-Authenticate") == null
                || !answer.header("WWW-Authenticate").startsWith("Bearer"))) {
            problems.add("401 without WWW-Authenticate: Bearer");
        }
        Matcher leak = JAVA_INTERNALS.matcher(answer.text());
        if (leak.find()) {
            problems.add("names Java internals (" + leak.group() + ")");
        }
        return problems;
    }

    private static void problemBody(RawHttp.Answer answer, List<String> problems) {
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem == null || problem.path("status").asInt() != answer.status()
                    || problem.path("title").asText().isBlank()) {
                problems.add("problem without matching status and title");
            }
        } catch (java.io.IOException e) {
            problems.add("problem+json that is not JSON");
        }
    }
}
