package dev.anchor.system.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The bad requests of one operation, each derived from a valid baseline by one change: a wrong caller, a malformed
 * path or query parameter, one body field made missing, null or one of {@link BadValues}, the whole body broken, or a
 * bad header.
 *
 * <p>Input that may be valid is sent where it cannot write on a target: reads as they are, creates as they are (they
 * refer to scratch resources only), and changes of a target with a stale {@code If-Match}, so they are still parsed
 * and validated but end in 412. Certainly bad input is sent with the target's current ETag, so that accepting it
 * would show as a write.
 */
final class Mutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STALE = "\"999999\"";
    private static final String RAW_MARKER = "RAW-VALUE-MARKER-7f3a";
    private static final Set<String> ROLES = Set.of("agent", "supervisor", "partner", "system");
    private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", UUID.randomUUID().toString(),
            "%ZZ", "%00", "%C0%AF", "..%2F..%2F..%2Fetc%2Fpasswd", "%27%20OR%20%271%27%3D%271", "x".repeat(300),
            "99999999999999999999", "%20", "%24%7Bjndi%3Aldap%3A%2F%2F127.0.0.1%3A1%2Fa%7D");
    private static final int BODY_70_KIB = 70 * 1024;

    private final Seeds seeds;
    private final Tokens tokens;
    private final byte[] callbackSecret;
    private final List<ApiOperation> all;

    Mutations(Seeds seeds, Tokens tokens, byte[] callbackSecret, List<ApiOperation> all) {
        this.seeds = seeds;
        this.tokens = tokens;
        this.callbackSecret = callbackSecret;
        this.all = all;
    }

    /** A request under construction: path values, raw query pairs, headers (null removes), body. */
    private static final class Shape {
        String method;
        Map<String, String> pathValues = new LinkedHashMap<>();
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        boolean chunked;

        Shape copy() {
            Shape copy = new Shape();
            copy.method = method;
            copy.pathValues = new LinkedHashMap<>(pathValues);
            copy.query = new ArrayList<>(query);
            copy.headers = new LinkedHashMap<>(headers);
            copy.body = body;
            copy.chunked = chunked;
            return copy;
        }
    }

    // ---- the baseline ---------------------------------------------------------------------------

    /** The role a valid caller of the operation has: supervisor where it may, as it may do the most. */
    static String callerRole(ApiOperation op) {
        for (String role : List.of("supervisor", "agent", "system", "partner")) {
            if (op.roles().contains(role)) {
                return role;
            }
        }
        return null;
    }

    private Shape baseline(ApiOperation op, JsonNode body) throws java.io.IOException {
        Shape shape = new Shape();
        shape.method = op.method();
        for (ApiOperation.Parameter p : op.in("path")) {
            shape.pathValues.put(p.name(), pathValue(op, p.name()));
        }
        for (ApiOperation.Parameter p : op.in("query")) {
            String value = seeds.queryValues.get(op.label() + " " + p.name());
            if (value != null) {
                shape.query.add(p.name() + "=" + value);
            }
        }
        shape.headers.put("Accept", "application/json");
        if (op.needsToken()) {
            shape.headers.put("Authorization", "Bearer " + tokens.valid(callerRole(op)));
        }
        if (op.header("If-Match").isPresent()) {
            String resource = target(op.path().substring(0, op.path().indexOf('}') + 1), shape.pathValues);
            shape.headers.put("If-Match", seeds.etag(op.port(), resource));
        }
        if (op.header("Idempotency-Key").isPresent()) {
            shape.headers.put("Idempotency-Key", freshKey());
        }
        if (op.hasBody()) {
            shape.headers.put("Content-Type", op.bodyType());
            shape.body = op.formBody() ? form(op.bodySchema(), Map.of()) : JSON.writeValueAsBytes(body);
        }
        return shape;
    }

    /**
     * The value of a path parameter: one seeded for this very operation, else the seeded resource of the collection it
     * follows, this service's first.
     */
    private String pathValue(ApiOperation op, String name) {
        String before = op.path().substring(0, op.path().indexOf("{" + name + "}"));
        String[] segments = before.split("/");
        String collection = segments[segments.length - 1];
        String value = seeds.byCollection.getOrDefault(op.service() + " " + op.path() + " " + name,
                seeds.byCollection.getOrDefault(op.service() + " " + collection, seeds.byCollection.get(collection)));
        if (value == null) {
            throw new IllegalStateException(op.service() + " " + op.label() + ": nothing seeded for path parameter "
                    + name + " after /" + collection + " (add it to Seeds)");
        }
        return value;
    }

    /** The JSON body of the baseline: generated from the schema, or for a body documented as text, a known one. */
    JsonNode baselineBody(ApiOperation op) {
        if (!op.hasBody() || op.formBody()) {
            return null;
        }
        Map<String, String> ids = op.isCreate() ? seeds.scratchFields : seeds.targetFields;
        JsonNode schema = bodySchema(op);
        if (schema != null) {
            JsonNode example = SchemaRules.example("body", schema, ids);
            if (op.isCreate() && op.path().equals("/locations") && example instanceof ObjectNode entry) {
                entry.remove("locationId"); // generated when left out: a fixed one would be taken by the next run
            }
            return example;
        }
        ObjectNode callback = JSON.createObjectNode();
        if (op.path().endsWith("/email")) {
            callback.put("address", "trust.bounce@example.invalid").put("type", "soft-bounce");
        } else {
            callback.put("reference", UUID.randomUUID().toString()).put("status", "delivered");
        }
        return callback;
    }

    /**
     * The schema of the JSON body; a merge patch documented as text takes the schema of the create on its collection
     * (a patch is a partial document of the same resource); a provider callback has none (null).
     */
    JsonNode bodySchema(ApiOperation op) {
        if (!"string".equals(SchemaRules.type(op.bodySchema()))) {
            return op.bodySchema();
        }
        if (op.method().equals("PATCH")) {
            String collection = op.path().substring(0, op.path().lastIndexOf('/'));
            return all.stream().filter(o -> o.service().equals(op.service()) && o.method().equals("POST")
                    && o.path().equals(collection)).map(ApiOperation::bodySchema).findFirst().orElse(null);
        }
        return null;
    }

    private boolean mergePatch(ApiOperation op) {
        return op.method().equals("PATCH");
    }

    // ---- all mutations of one operation ---------------------------------------------------------

    List<BadRequest> of(ApiOperation op) throws java.io.IOException {
        JsonNode body = baselineBody(op);
        Shape base = baseline(op, body);
        List<BadRequest> out = new ArrayList<>();
        callers(op, base, out);
        pathParameters(op, base, out);
        queryParameters(op, base, out);
        if (op.hasBody() && op.formBody()) {
            formFields(op, base, out);
        } else if (op.hasBody() && bodySchema(op) != null) {
            bodyFields(op, base, body, bodySchema(op), out);
        }
        if (op.hasBody()) {
            wholeBody(op, base, out);
        }
        headers(op, base, body, out);
        return out;
    }

    /**
     * The baseline itself, for a read or a create (which refers to scratch resources only): it must answer 2xx, so
     * every mutation differs from a working request by one change.
     */
    BadRequest baselineRequest(ApiOperation op) throws java.io.IOException {
        Shape baseline = baseline(op, baselineBody(op));
        // a page answers in HTML (every refusal below is asked for as JSON, and so is problem+json)
        baseline.headers.put("Accept", op.accept());
        return request(op, "baseline", false, 0, baseline);
    }

    private void callers(ApiOperation op, Shape base, List<BadRequest> out) {
        if (!op.needsToken()) {
            return;
        }
        for (var wrong : tokens.wrongAuthorizations().entrySet()) {
            Shape shape = base.copy();
            shape.headers.put("Authorization", wrong.getValue());
            out.add(request(op, "caller: " + wrong.getKey(), true, expectedFor(wrong.getKey()), shape));
        }
        for (String role : ROLES) {
            if (!op.roles().contains(role)) {
                Shape shape = base.copy();
                shape.headers.put("Authorization", "Bearer " + tokens.withRole(role));
                out.add(request(op, "caller: role " + role, true, 403, shape));
            }
        }
        if (op.header("X-Signature").isPresent()) {
            signatures(op, base, out);
        }
    }

    /** A token that proves nothing is 401; a genuine one without roles is a caller who may not do it, 403. */
    private static int expectedFor(String wrongCaller) {
        return switch (wrongCaller) {
            case "no roles" -> 403;
            case "oversized token" -> 0; // 401, or 431 when the server refuses the header first
            default -> 401;
        };
    }

    private void signatures(ApiOperation op, Shape base, List<BadRequest> out) {
        for (var wrong : Map.of("no signature", "", "signature not hex", "sha256=zz", "signature of another key",
                "sha256=" + HexFormat.of().formatHex(hmac("another-key".getBytes(StandardCharsets.UTF_8), base.body)))
                .entrySet()) {
            Shape shape = base.copy();
            shape.headers.put("X-Signature", wrong.getValue().isEmpty() ? null : wrong.getValue());
            out.add(request(op, "caller: " + wrong.getKey(), true, 401, shape));
        }
    }

    private void pathParameters(ApiOperation op, Shape base, List<BadRequest> out) {
        for (ApiOperation.Parameter p : op.in("path")) {
            // a PUT or DELETE naming a new key (PUT /issues/{id}/shares/{locationId}) takes any well-formed name: those
            // values may be valid, so they go with a stale If-Match and must not write
            boolean names = List.of("PUT", "DELETE").contains(op.method()) && op.path().endsWith("{" + p.name() + "}")
                    && !p.schema().has("format") && op.header("If-Match").isPresent();
            for (String value : BAD_PATH_VALUES) {
                Shape shape = base.copy();
                shape.pathValues.put(p.name(), value);
                boolean wellFormedName = names && value.matches("[A-Za-z0-9-]{1,64}");
                if (wellFormedName) {
                    shape.headers.put("If-Match", STALE);
                }
                out.add(request(op, "path " + p.name() + "=" + excerpt(value), !wellFormedName, 0, shape));
            }
        }
    }

    private void queryParameters(ApiOperation op, Shape base, List<BadRequest> out) {
        for (ApiOperation.Parameter p : op.in("query")) {
            for (var value : queryValues(p.schema()).entrySet()) {
                Shape shape = base.copy();
                shape.query.removeIf(pair -> pair.startsWith(p.name() + "=")); // instead of the baseline's value
                shape.query.add(p.name() + "=" + value.getKey());
                out.add(request(op, "query " + p.name() + "=" + excerpt(value.getKey()), value.getValue(), 0, shape));
            }
            Shape twice = base.copy();
            twice.query.removeIf(pair -> pair.startsWith(p.name() + "="));
            twice.query.add(p.name() + "=1");
            twice.query.add(p.name() + "=2");
            out.add(request(op, "query " + p.name() + " twice", false, 0, twice));
        }
    }

    /** Raw (encoded) query values and whether each is certainly wrong for the schema. */
    private static Map<String, Boolean> queryValues(JsonNode schema) {
        Map<String, Boolean> values = new LinkedHashMap<>();
        values.put("%ZZ", true);
        values.put("%", true);
        values.put("a%00b", true);
        values.put("%C0%AF", false);
        values.put("", false);
        values.put("x".repeat(10_000), true);
        for (String injection : BadValues.INJECTIONS) {
            values.put(URLEncoder.encode(injection, StandardCharsets.UTF_8), false);
        }
        values.put(URLEncoder.encode("+300000-01-01T00:00:00Z", StandardCharsets.UTF_8), false);
        String type = SchemaRules.type(schema);
        for (String text : List.of("-1", "1.5", "1e3", "99999999999999999999", "maybe", "TRUE", "0")) {
            boolean wrong = switch (type) {
                case "integer" -> !text.matches("-?[0-9]+") || new java.math.BigInteger(text).bitLength() > 31
                        || SchemaRules.violates(schema, JSON.getNodeFactory().numberNode(Long.parseLong(text)));
                case "boolean" -> !text.equals("true") && !text.equals("false");
                default -> SchemaRules.violates(schema, JSON.getNodeFactory().textNode(text));
            };
            values.put(text, wrong);
        }
        return values;
    }

    private void bodyFields(ApiOperation op, Shape base, JsonNode body, JsonNode schema, List<BadRequest> out)
            throws JsonProcessingException {
        List<Field> fields = new ArrayList<>();
        collect(schema, body, "", new ArrayList<>(), fields);
        for (Field field : fields) {
            boolean patch = mergePatch(op);
            out.add(fieldRequest(op, base, body, field, "missing", null, null, field.required && !patch, true));
            out.add(fieldRequest(op, base, body, field, "null", JSON.nullNode(), null, field.required && !patch, false));
            for (BadValues.Value value : BadValues.of(field.schema)) {
                boolean refuse = value.refuse() && !(patch && value.json() != null && value.json().isObject());
                out.add(fieldRequest(op, base, body, field, value.label(), value.json(), value.raw(), refuse, false));
            }
            if (!SchemaRules.freeObject(field.schema) && "object".equals(SchemaRules.type(field.schema))) {
                ObjectNode unknown = ((ObjectNode) field.valueIn(body)).deepCopy().put("unknownTrustField", 1);
                out.add(fieldRequest(op, base, body, field, "unknown field inside", unknown, null, true, false));
            }
        }
    }

    /** One field of the body: its JSON path (as steps), its schema and whether its parent requires it. */
    private record Field(String name, List<Object> steps, JsonNode schema, boolean required) {
        JsonNode valueIn(JsonNode root) {
            JsonNode node = root;
            for (Object step : steps) {
                node = step instanceof Integer i ? node.get(i) : node.get((String) step);
            }
            return node;
        }
    }

    private static void collect(JsonNode schema, JsonNode value, String path, List<Object> steps, List<Field> out) {
        if ("object".equals(SchemaRules.type(schema)) && !SchemaRules.freeObject(schema)) {
            Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            schema.path("properties").fields().forEachRemaining(p -> {
                List<Object> next = new ArrayList<>(steps);
                next.add(p.getKey());
                String name = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
                out.add(new Field(name, next, p.getValue(), required.contains(p.getKey())));
                collect(p.getValue(), value.path(p.getKey()), name, next, out);
            });
        } else if ("array".equals(SchemaRules.type(schema)) && value.isArray() && !value.isEmpty()) {
            List<Object> next = new ArrayList<>(steps);
            next.add(0);
            String name = path + "[0]";
            out.add(new Field(name, next, schema.path("items"), false)); // an empty list may be fine (minItems decides)
            collect(schema.path("items"), value.get(0), name, next, out);
        }
    }

    private BadRequest fieldRequest(ApiOperation op, Shape base, JsonNode body, Field field, String label,
                                    JsonNode value, byte[] raw, boolean refuse, boolean remove)
            throws JsonProcessingException {
        JsonNode copy = body.deepCopy();
        List<Object> steps = field.steps;
        JsonNode parent = new Field(field.name, steps.subList(0, steps.size() - 1), null, false).valueIn(copy);
        Object last = steps.get(steps.size() - 1);
        JsonNode replacement = raw != null ? JSON.getNodeFactory().textNode(RAW_MARKER) : value;
        if (parent instanceof ObjectNode object) {
            if (remove) {
                object.remove((String) last);
            } else {
                object.set((String) last, replacement);
            }
        } else if (parent instanceof ArrayNode array) {
            if (remove) {
                array.remove((Integer) last);
            } else {
                array.set((Integer) last, replacement);
            }
        }
        byte[] bytes = JSON.writeValueAsBytes(copy);
        if (raw != null) {
            bytes = replace(bytes, ("\"" + RAW_MARKER + "\"").getBytes(StandardCharsets.US_ASCII), raw);
        }
        Shape shape = guarded(op, base.copy(), refuse);
        shape.body = bytes;
        return request(op, "body " + field.name + ": " + label, refuse, 0, shape);
    }

    private void formFields(ApiOperation op, Shape base, List<BadRequest> out) {
        List<String> names = new ArrayList<>();
        op.bodySchema().path("properties").fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            Shape missing = base.copy();
            missing.body = form(op.bodySchema(), Map.of(name, "\u0000remove"));
            out.add(request(op, "form " + name + ": missing", name.equals("formToken"), 0, missing));
            Map<String, Boolean> values = new LinkedHashMap<>();
            values.put("", false);
            values.put("%ZZ", true);
            values.put("%", true);
            values.put("a%00b", true);
            values.put("a%C0%AFb", true);
            values.put("a%C3%28b", true);
            values.put("x".repeat(20_000), false);
            for (String injection : BadValues.INJECTIONS) {
                values.put(URLEncoder.encode(injection, StandardCharsets.UTF_8), false);
            }
            for (var value : values.entrySet()) {
                Shape shape = base.copy();
                shape.body = form(op.bodySchema(), Map.of(name, value.getKey()));
                out.add(request(op, "form " + name + "=" + excerpt(value.getKey()), value.getValue(), 0, shape));
            }
            Shape twice = base.copy();
            twice.body = (new String(base.body, StandardCharsets.US_ASCII) + "&" + name + "=again")
                    .getBytes(StandardCharsets.US_ASCII);
            out.add(request(op, "form " + name + " twice", false, 0, twice));
        }
    }

    /** A form body: every field of the schema with a valid value unless overridden (raw, already encoded). */
    private static byte[] form(JsonNode schema, Map<String, String> overrides) {
        List<String> pairs = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(name -> {
            String value = overrides.getOrDefault(name, name.equals("formToken")
                    ? "0123456789abcdef0123456789abcdef" // well formed, never rendered: a valid post is a no-op
                    : URLEncoder.encode("Trust comment", StandardCharsets.UTF_8));
            if (!value.equals("\u0000remove")) {
                pairs.add(name + "=" + value);
            }
        });
        return String.join("&", pairs).getBytes(StandardCharsets.ISO_8859_1);
    }

    private void wholeBody(ApiOperation op, Shape base, List<BadRequest> out) {
        String text = new String(base.body, StandardCharsets.UTF_8);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty body", new byte[0]);
        if (op.formBody()) {
            bodies.put("not a form (%%%)", "%%%".getBytes(StandardCharsets.US_ASCII));
            bodies.put("JSON instead of a form", "{\"text\":\"x\"}".getBytes(StandardCharsets.US_ASCII));
        } else {
            bodies.put("trailing token", (text + " x").getBytes(StandardCharsets.UTF_8));
            bodies.put("trailing document", (text + "{}").getBytes(StandardCharsets.UTF_8));
            bodies.put("duplicate key", duplicateKey(text).getBytes(StandardCharsets.UTF_8));
            bodies.put("not JSON", "not json".getBytes(StandardCharsets.UTF_8));
            bodies.put("JSON null", "null".getBytes(StandardCharsets.UTF_8));
            bodies.put("JSON array", "[]".getBytes(StandardCharsets.UTF_8));
            bodies.put("JSON string", "\"text\"".getBytes(StandardCharsets.UTF_8));
            bodies.put("JSON number", "123".getBytes(StandardCharsets.UTF_8));
            bodies.put("truncated", text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8));
            bodies.put("single quotes", text.replace('"', '\'').getBytes(StandardCharsets.UTF_8));
            bodies.put("comment", ("/* c */" + text).getBytes(StandardCharsets.UTF_8));
            bodies.put("NUL byte", (text.substring(0, 1) + "\u0000" + text.substring(1)).getBytes(StandardCharsets.UTF_8));
            bodies.put("invalid UTF-8 byte 0xFF", concat(new byte[]{(byte) 0xFF}, base.body));
            bodies.put("deep nesting", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.US_ASCII));
        }
        for (var body : bodies.entrySet()) {
            Shape shape = base.copy();
            shape.body = body.getValue();
            out.add(request(op, "whole body: " + body.getKey(), true, 0, shape));
        }
        byte[] large = padded(base.body, op.formBody());
        Shape big = base.copy();
        big.body = large;
        out.add(request(op, "whole body: 70 KiB", true, 0, big));
        Shape chunked = base.copy();
        chunked.body = large;
        chunked.chunked = true;
        out.add(request(op, "whole body: 70 KiB chunked", true, 0, chunked));
        List<String> contentTypes = new ArrayList<>(List.of("text/plain", "application/xml"));
        contentTypes.add(op.formBody() ? "application/json" : "application/x-www-form-urlencoded");
        for (String type : contentTypes) {
            Shape shape = base.copy();
            shape.headers.put("Content-Type", type);
            out.add(request(op, "content type " + type, true, 0, shape));
        }
        Shape none = base.copy();
        none.headers.put("Content-Type", null);
        out.add(request(op, "no content type", true, 0, none));
        Shape garbage = base.copy();
        garbage.headers.put("Content-Type", "%%%/;;;");
        out.add(request(op, "malformed content type", true, 0, garbage));
    }

    private void headers(ApiOperation op, Shape base, JsonNode body, List<BadRequest> out) {
        if (op.header("If-Match").isPresent()) {
            for (String value : List.of(STALE, "garbage", "\"\"", "W/" + STALE, "\"999998\", " + STALE, "\"-1\"",
                    "\"99999999999999999999\"", "\"" + "9".repeat(5000) + "\"")) {
                Shape shape = base.copy();
                shape.headers.put("If-Match", value);
                out.add(request(op, "If-Match " + excerpt(value), true, 0, shape));
            }
        }
        if (op.header("Idempotency-Key").isPresent()) {
            for (String value : List.of("x".repeat(256), "key with spaces", "")) {
                Shape shape = base.copy();
                shape.headers.put("Idempotency-Key", value);
                out.add(request(op, "Idempotency-Key " + excerpt(value.isEmpty() ? "(empty)" : value), true, 0, shape));
            }
            String seeded = seeds.idempotencyKeys.get(op.label());
            if (seeded != null && op.hasBody()) { // a replay "with another body" needs a body to differ
                Shape replay = base.copy();
                replay.headers.put("Idempotency-Key", seeded);
                out.add(request(op, "Idempotency-Key replayed with another body", true, 422, replay));
            }
        }
        Shape huge = base.copy();
        huge.headers.put("X-Trust-Filler", "x".repeat(40_000)); // twice Quarkus's 20 KiB limit for all headers
        out.add(request(op, "header of 40000 characters", true, 0, huge));
    }

    /** A possibly valid change of a target gets a stale If-Match, so it is read and validated but cannot apply. */
    private static Shape guarded(ApiOperation op, Shape shape, boolean refuse) {
        if (!refuse && !op.isRead() && !op.isCreate() && op.header("If-Match").isPresent()) {
            shape.headers.put("If-Match", STALE);
        }
        return shape;
    }

    // ---- building the request -------------------------------------------------------------------

    private BadRequest request(ApiOperation op, String mutation, boolean refuse, int expected, Shape shape) {
        String target = target(op.path(), shape.pathValues);
        if (!shape.query.isEmpty()) {
            target += "?" + String.join("&", shape.query);
        }
        if (op.header("Idempotency-Key").isPresent() && !mutation.startsWith("Idempotency-Key")) {
            shape.headers.put("Idempotency-Key", freshKey()); // one per request: nothing replays by accident
        }
        if (op.header("X-Signature").isPresent() && !mutation.startsWith("caller: ")) {
            shape.headers.put("X-Signature", "sha256=" + HexFormat.of().formatHex(hmac(callbackSecret,
                    shape.body == null ? new byte[0] : shape.body)));
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        shape.headers.forEach((name, value) -> {
            if (value != null) {
                headers.add(Map.entry(name, value));
            }
        });
        return new BadRequest(op, mutation, refuse, expected,
                new RawHttp.Request(shape.method, target, headers, shape.body, shape.chunked));
    }

    private static String target(String template, Map<String, String> values) {
        String target = template;
        for (var value : values.entrySet()) {
            target = target.replace("{" + value.getKey() + "}", value.getValue());
        }
        return target;
    }

    private static String duplicateKey(String json) {
        int colon = json.indexOf(':');
        int comma = json.indexOf(',');
        if (!json.startsWith("{") || colon < 0) {
            return json + json;
        }
        String firstMember = json.substring(1, comma > 0 ? comma : json.length() - 1);
        return "{" + firstMember + "," + json.substring(1);
    }

    private static byte[] padded(byte[] body, boolean form) {
        byte[] padding = (form ? "&pad=" + "x".repeat(BODY_70_KIB) : " ".repeat(BODY_70_KIB))
                .getBytes(StandardCharsets.US_ASCII);
        return form ? concat(body, padding) : concat(padding, body);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static byte[] replace(byte[] data, byte[] what, byte[] with) {
        String latin = new String(data, StandardCharsets.ISO_8859_1);
        String replaced = latin.replace(new String(what, StandardCharsets.ISO_8859_1),
                new String(with, StandardCharsets.ISO_8859_1));
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String freshKey() {
        return "trust-" + UUID.randomUUID();
    }

    static String excerpt(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "…(" + text.length() + ")" : text;
    }
}
