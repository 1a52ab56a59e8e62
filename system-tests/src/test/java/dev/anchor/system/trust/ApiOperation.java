package dev.anchor.system.trust;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * One operation of a service's OpenAPI document, its schemas inlined.
 *
 * @param roles the roles the document's security requirement names; empty for an operation anyone may call (the
 *              status page, provider callbacks)
 */
record ApiOperation(String service, int port, String method, String path, List<Parameter> parameters,
                    String bodyType, JsonNode bodySchema, List<String> roles, List<String> answers) {

    /** The media type a valid request asks for: JSON, unless the operation answers only HTML (a customer's page). */
    String accept() {
        return answers.isEmpty() || answers.contains("application/json") || !answers.contains("text/html")
                ? "application/json" : "text/html";
    }

    /** A path, query or header parameter. */
    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    String label() {
        return method + " " + path;
    }

    List<Parameter> in(String where) {
        return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    Optional<Parameter> header(String name) {
        return in("header").stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    boolean hasBody() {
        return bodyType != null;
    }

    boolean isRead() {
        return method.equals("GET");
    }

    /** A POST to a collection creates something new rather than changing a seeded resource. */
    boolean isCreate() {
        return method.equals("POST") && !path.contains("{");
    }

    boolean needsToken() {
        return !roles.isEmpty();
    }

    boolean formBody() {
        return "application/x-www-form-urlencoded".equals(bodyType);
    }
}
