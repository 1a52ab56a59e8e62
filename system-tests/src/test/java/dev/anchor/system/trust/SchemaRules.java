package dev.anchor.system.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a schema allows, read the way the services read it: a valid example for a baseline request, and whether a
 * generated value certainly breaks the schema (then the service must refuse it) or may be fine (then any answer
 * below 500 will do).
 */
final class SchemaRules {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Tried in order for a string with a pattern when no name hint applies: the first the pattern takes wins. */
    private static final List<String> PATTERN_EXAMPLES = List.of("Trust test", "GB", "GBP", "+447700900123", "en",
            "trust-1");
    /** Field names whose value the schema cannot describe (a time zone, an email address), and a real one. */
    private static final Map<String, String> NAME_HINTS = Map.ofEntries(
            Map.entry("timeZone", "UTC"), Map.entry("language", "en"), Map.entry("currency", "GBP"),
            Map.entry("country", "GB"), Map.entry("number", "+447700900123"), Map.entry("toAgentId", "trust.agent.bob"),
            Map.entry("agentId", "trust.supervisor"), Map.entry("locationId", "store-1"), Map.entry("start", "03:00"),
            Map.entry("end", "04:00"), Map.entry("opens", "09:00"), Map.entry("closes", "17:30"), Map.entry("postalCode", "EC1A 1AA"), Map.entry("statusUrl",
                    "http://127.0.0.1/status/trust"));

    private SchemaRules() {
    }

    static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.path("type").asText();
        }
        if (schema.has("enum")) {
            return "string";
        }
        return schema.has("properties") ? "object" : "";
    }

    /** Jackson's {@code JsonNode} documented as an object of its getters: any JSON object is fine. */
    static boolean freeObject(JsonNode schema) {
        return type(schema).equals("object")
                && (!schema.has("properties") || schema.path("properties").has("nodeType"));
    }

    // ---- a valid example ------------------------------------------------------------------------

    /** A valid value for the field {@code name}; ids named like a seeded resource take that resource's id. */
    static JsonNode example(String name, JsonNode schema, Map<String, String> ids) {
        if (ids.containsKey(name)) {
            return NODES.textNode(ids.get(name));
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (freeObject(schema)) {
                    if (name.equals("changes")) {
                        object.put("summary", "Amended by the generated bad input test");
                    }
                    return object;
                }
                schema.path("properties").fields().forEachRemaining(p ->
                        object.set(p.getKey(), example(p.getKey(), p.getValue(), ids)));
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(example(name, schema.path("items"), ids));
                return array;
            }
            case "integer" -> {
                long value = Math.max(schema.path("minimum").asLong(1), 1);
                return NODES.numberNode(Math.min(value, schema.path("maximum").asLong(Long.MAX_VALUE)));
            }
            case "number" -> {
                return NODES.numberNode(new BigDecimal("1.00"));
            }
            case "boolean" -> {
                return NODES.booleanNode(name.equals("critical")); // critical messages cannot be turned off
            }
            default -> {
                return NODES.textNode(exampleText(name, schema));
            }
        }
    }

    private static String exampleText(String name, JsonNode schema) {
        String format = schema.path("format").asText();
        if (format.equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        if (format.equals("date-time")) {
            Instant at = name.startsWith("occurred")
                    ? Instant.now().minus(1, ChronoUnit.HOURS) : Instant.now().plus(2, ChronoUnit.DAYS);
            return at.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if (name.equals("address")) {
            return "trust." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        }
        if (NAME_HINTS.containsKey(name)) {
            return NAME_HINTS.get(name);
        }
        return PATTERN_EXAMPLES.stream().filter(text -> !violates(schema, NODES.textNode(text))).findFirst()
                .orElse("trust");
    }

    // ---- certainly invalid? ---------------------------------------------------------------------

    /** True when the value certainly breaks the schema (type, enum, length, pattern, format, range, NUL). */
    static boolean violates(JsonNode schema, JsonNode value) {
        if (value == null || value.isNull()) {
            return false; // whether null is allowed depends on the field being required: the caller decides
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.path("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                return true;
            }
        }
        return switch (type(schema)) {
            case "string" -> !value.isTextual() || textViolates(schema, value.asText());
            case "integer" -> !value.isIntegralNumber() || rangeViolates(schema, value.decimalValue())
                    || (schema.path("format").asText().equals("int32") && !value.canConvertToInt())
                    || !value.canConvertToLong();
            case "number" -> !value.isNumber() || rangeViolates(schema, value.decimalValue());
            case "boolean" -> !value.isBoolean();
            case "array" -> !value.isArray() || arrayViolates(schema, value);
            case "object" -> !value.isObject() || objectViolates(schema, value);
            default -> false;
        };
    }

    private static boolean textViolates(JsonNode schema, String text) {
        int length = text.codePointCount(0, text.length());
        if (text.indexOf('\0') >= 0
                || (schema.has("maxLength") && length > schema.path("maxLength").asInt())
                || (schema.has("minLength") && length < schema.path("minLength").asInt())) {
            return true;
        }
        if (schema.has("pattern") && !Pattern.compile(schema.path("pattern").asText()).matcher(text).find()) {
            return true;
        }
        return switch (schema.path("format").asText()) {
            case "uuid" -> !UUID_TEXT.matcher(text).matches();
            case "date-time" -> !dateTime(text);
            case "local-time" -> !localTime(text);
            default -> false;
        };
    }

    private static boolean dateTime(String text) {
        try {
            int year = OffsetDateTime.parse(text).getYear();
            return year >= 1 && year <= 9999;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean localTime(String text) {
        try {
            LocalTime.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean rangeViolates(JsonNode schema, BigDecimal value) {
        if (schema.has("minimum") && value.compareTo(schema.path("minimum").decimalValue()) < 0) {
            return true;
        }
        if (schema.has("maximum") && value.compareTo(schema.path("maximum").decimalValue()) > 0) {
            return true;
        }
        return schema.has("multipleOf")
                && value.remainder(schema.path("multipleOf").decimalValue()).compareTo(BigDecimal.ZERO) != 0;
    }

    private static boolean arrayViolates(JsonNode schema, JsonNode array) {
        if (schema.has("maxItems") && array.size() > schema.path("maxItems").asInt()) {
            return true;
        }
        if (schema.has("minItems") && array.size() < schema.path("minItems").asInt()) {
            return true;
        }
        for (JsonNode item : array) {
            if (item.isNull() || violates(schema.path("items"), item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean objectViolates(JsonNode schema, JsonNode object) {
        if (freeObject(schema)) {
            return false;
        }
        for (JsonNode required : schema.path("required")) {
            if (!object.hasNonNull(required.asText())) {
                return true;
            }
        }
        var names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode property = schema.path("properties").path(name);
            if (property.isMissingNode() || violates(property, object.get(name))) {
                return true; // an unknown field is refused (fail-on-unknown-properties)
            }
        }
        return false;
    }
}
