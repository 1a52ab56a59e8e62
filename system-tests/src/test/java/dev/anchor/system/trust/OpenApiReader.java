package dev.anchor.system.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations a running service documents at {@code /q/openapi?format=json}: read from the service itself, so an
 * operation added later is driven without changing the test.
 */
final class OpenApiReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private OpenApiReader() {
    }

    static List<ApiOperation> operations(String service, int port) throws IOException {
        RawHttp.Answer answer = RawHttp.send(port, new RawHttp.Request("GET", "/q/openapi?format=json",
                List.of(Map.entry("Accept", "application/json")), null, false));
        if (answer.status() != 200) {
            throw new IllegalStateException(service + " /q/openapi answered " + answer.status());
        }
        JsonNode document = JSON.readTree(answer.body());
        JsonNode components = document.path("components").path("schemas");
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(operation(service, port, op.getKey().toUpperCase(), path.getKey(), op.getValue(),
                            components));
                }
            }
        }
        return operations;
    }

    private static ApiOperation operation(String service, int port, String method, String path, JsonNode op,
                                          JsonNode components) {
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            parameters.add(new ApiOperation.Parameter(p.path("name").asText(), p.path("in").asText(),
                    inline(p.path("schema"), components, 0), p.path("required").asBoolean(false)));
        }
        String bodyType = null;
        JsonNode bodySchema = null;
        Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").fields();
        if (content.hasNext()) {
            Map.Entry<String, JsonNode> first = content.next(); // the first listed is the preferred one
            bodyType = first.getKey();
            bodySchema = inline(first.getValue().path("schema"), components, 0);
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : op.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText())));
        }
        List<String> answers = new ArrayList<>();
        op.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("2")) {
                response.getValue().path("content").fieldNames().forEachRemaining(answers::add);
            }
        });
        return new ApiOperation(service, port, method, path, parameters, bodyType, bodySchema, roles, answers);
    }

    /** The schema with every {@code $ref} replaced by its component (bounded depth: recursive schemas stop). */
    private static JsonNode inline(JsonNode schema, JsonNode components, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return JSON.createObjectNode();
        }
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
            ObjectNode merged = (ObjectNode) inline(components.path(name), components, depth + 1).deepCopy();
            schema.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("$ref")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            return merged;
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = JSON.createObjectNode();
        schema.fields().forEachRemaining(f -> {
            switch (f.getKey()) {
                case "properties" -> {
                    ObjectNode properties = copy.putObject("properties");
                    f.getValue().fields().forEachRemaining(p -> properties.set(p.getKey(),
                            inline(p.getValue(), components, depth + 1)));
                }
                case "items" -> copy.set("items", inline(f.getValue(), components, depth + 1));
                default -> copy.set(f.getKey(), f.getValue());
            }
        });
        return copy;
    }
}
