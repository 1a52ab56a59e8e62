package dev.anchor.system.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated bad values for one schema: every type gets wrong types and coerced scalars, its boundaries and one step
 * beyond, oversized, NUL and invalid UTF-8, injection strings and impossible dates; each is marked as certainly
 * invalid (the service must refuse it) or possibly valid (by {@link SchemaRules#violates}).
 */
final class BadValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings an attacker tries: SQL, HTML, a Log4Shell lookup, path traversal, a template expression. */
    static final List<String> INJECTIONS = List.of("' OR '1'='1' --", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1:1/a}", "../../../../etc/passwd", "{{7*7}}%s%n");
    static final List<String> BAD_DATES = List.of("+300000-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "10000-01-01T00:00:00Z", "2024-02-30T10:00:00Z", "2024-01-01", "yesterday");

    /**
     * One generated value. {@code raw}, when set, is written into the JSON text in place of the value as bytes no
     * JSON library would produce (invalid UTF-8, a lone surrogate escape, NaN).
     */
    record Value(String label, JsonNode json, byte[] raw, boolean refuse) {
        static Value of(String label, JsonNode json, JsonNode schema) {
            return new Value(label, json, null, SchemaRules.violates(schema, json));
        }

        static Value raw(String label, String rawText, boolean refuse) {
            return new Value(label, null, rawText.getBytes(StandardCharsets.ISO_8859_1), refuse);
        }
    }

    private BadValues() {
    }

    static List<Value> of(JsonNode schema) {
        List<Value> values = new ArrayList<>();
        switch (SchemaRules.type(schema)) {
            case "string" -> strings(schema, values);
            case "integer" -> integers(schema, values);
            case "number" -> numbers(schema, values);
            case "boolean" -> {
                values.add(Value.of("boolean as string \"true\"", NODES.textNode("true"), schema));
                values.add(Value.of("boolean as number 1", NODES.numberNode(1), schema));
                values.add(Value.of("unknown boolean \"maybe\"", NODES.textNode("maybe"), schema));
                values.add(Value.of("object", NODES.objectNode(), schema));
            }
            case "array" -> arrays(schema, values);
            case "object" -> {
                values.add(Value.of("string instead of object", NODES.textNode("x"), schema));
                values.add(Value.of("array instead of object", NODES.arrayNode(), schema));
                values.add(Value.of("number instead of object", NODES.numberNode(1), schema));
                if (!SchemaRules.freeObject(schema)) {
                    values.add(Value.of("empty object", NODES.objectNode(), schema));
                }
            }
            default -> values.add(Value.of("string", NODES.textNode("x"), schema));
        }
        return values;
    }

    private static void strings(JsonNode schema, List<Value> values) {
        values.add(Value.of("number instead of string", NODES.numberNode(123), schema));
        values.add(Value.of("boolean instead of string", NODES.booleanNode(true), schema));
        values.add(Value.of("object instead of string", NODES.objectNode(), schema));
        values.add(Value.of("array instead of string", NODES.arrayNode().add("x"), schema));
        values.add(Value.of("empty string", NODES.textNode(""), schema));
        values.add(Value.of("blank string", NODES.textNode("   "), schema));
        values.add(Value.of("NUL character", NODES.textNode("a\u0000b"), schema));
        values.add(Value.raw("invalid UTF-8 (overlong)", "\"a\u00c0\u00afb\"", true));
        values.add(Value.raw("invalid UTF-8 (broken sequence)", "\"a\u00c3\u0028b\"", true));
        values.add(Value.raw("lone surrogate escape", "\"a\\ud800b\"", false));
        values.add(Value.of("oversized (20000 chars)", NODES.textNode("x".repeat(20_000)), schema));
        if (schema.has("maxLength")) {
            int max = schema.path("maxLength").asInt();
            values.add(Value.of("at maxLength " + max, NODES.textNode(filler(schema, max)), schema));
            values.add(Value.of("beyond maxLength " + (max + 1), NODES.textNode("x".repeat(max + 1)), schema));
        }
        if (schema.has("enum")) {
            String first = schema.path("enum").get(0).asText();
            values.add(Value.of("unknown enum value", NODES.textNode("not-a-" + first), schema));
            values.add(Value.of("enum value in upper case", NODES.textNode(first.toUpperCase()), schema));
            values.add(Value.of("enum value with a space", NODES.textNode(first + " "), schema));
        }
        switch (schema.path("format").asText()) {
            case "uuid" -> {
                values.add(Value.of("malformed uuid", NODES.textNode("not-a-uuid"), schema));
                values.add(Value.of("unknown uuid", NODES.textNode("00000000-0000-0000-0000-000000000000"), schema));
                values.add(Value.of("uuid with a trailing digit", NODES.textNode(
                        "00000000-0000-0000-0000-0000000000001"), schema));
            }
            case "date-time" -> {
                for (String date : BAD_DATES) {
                    values.add(Value.of("date " + date, NODES.textNode(date), schema));
                }
                values.add(Value.of("date as epoch number", NODES.numberNode(1_700_000_000L), schema));
                values.add(Value.of("last instant of year 9999", NODES.textNode("9999-12-31T23:59:59Z"), schema));
            }
            case "local-time" -> {
                values.add(Value.of("time 25:00", NODES.textNode("25:00"), schema));
                values.add(Value.of("time 12:60", NODES.textNode("12:60"), schema));
            }
            default -> {
                for (String injection : INJECTIONS) {
                    values.add(Value.of("injection " + injection, NODES.textNode(injection), schema));
                }
            }
        }
    }

    /** A string of exactly {@code length} that still has a non-blank character for patterns like {@code \S}. */
    private static String filler(JsonNode schema, int length) {
        return "x".repeat(length);
    }

    private static void integers(JsonNode schema, List<Value> values) {
        values.add(Value.of("integer as string \"1\"", NODES.textNode("1"), schema));
        values.add(Value.of("fraction 1.5", NODES.numberNode(new BigDecimal("1.5")), schema));
        values.add(Value.raw("exponent 1e2", "1e2", true));
        values.add(Value.of("boolean instead of integer", NODES.booleanNode(true), schema));
        values.add(Value.of("beyond int32 2147483648", NODES.numberNode(2_147_483_648L), schema));
        values.add(Value.of("beyond int64", NODES.numberNode(new BigInteger("99999999999999999999999")), schema));
        values.add(Value.of("negative -1", NODES.numberNode(-1), schema));
        if (schema.has("minimum")) {
            long min = schema.path("minimum").asLong();
            values.add(Value.of("minimum " + min, NODES.numberNode(min), schema));
            values.add(Value.of("below minimum " + (min - 1), NODES.numberNode(min - 1), schema));
        }
        if (schema.has("maximum")) {
            long max = schema.path("maximum").asLong();
            values.add(Value.of("maximum " + max, NODES.numberNode(max), schema));
            values.add(Value.of("beyond maximum " + (max + 1), NODES.numberNode(max + 1), schema));
        }
    }

    private static void numbers(JsonNode schema, List<Value> values) {
        values.add(Value.of("number as string \"1.00\"", NODES.textNode("1.00"), schema));
        values.add(Value.of("boolean instead of number", NODES.booleanNode(true), schema));
        values.add(Value.of("negative -1", NODES.numberNode(-1), schema));
        values.add(Value.of("zero", NODES.numberNode(0), schema));
        values.add(Value.of("three decimals 0.001", NODES.numberNode(new BigDecimal("0.001")), schema));
        values.add(Value.of("huge 1e400", NODES.numberNode(new BigDecimal("1e400")), schema));
        values.add(Value.raw("NaN", "NaN", true));
    }

    private static void arrays(JsonNode schema, List<Value> values) {
        values.add(Value.of("object instead of array", NODES.objectNode(), schema));
        values.add(Value.of("string instead of array", NODES.textNode("x"), schema));
        values.add(Value.of("empty array", NODES.arrayNode(), schema));
        values.add(Value.of("array of null", NODES.arrayNode().addNull(), schema));
        if (schema.has("maxItems")) {
            int max = schema.path("maxItems").asInt();
            ArrayNode tooMany = NODES.arrayNode();
            JsonNode item = SchemaRules.example("item", schema.path("items"), java.util.Map.of());
            for (int i = 0; i <= max; i++) {
                tooMany.add(item);
            }
            values.add(Value.of("beyond maxItems " + (max + 1), tooMany, schema));
        }
    }
}
