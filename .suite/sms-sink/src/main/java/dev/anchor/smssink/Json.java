package dev.anchor.smssink;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sink's JSON: strict on input (one value and nothing after it), fields passed through as they were sent. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // a sender's extra fields come back as written: 1.10 stays 1.10, not the double 1.1
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private Json() {
    }

    /** The value in {@code text}, or a missing node when there is none (empty or blank text). */
    static JsonNode parse(String text) throws JsonProcessingException {
        JsonNode value = MAPPER.readTree(text);
        return value == null ? MAPPER.missingNode() : value;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Jackson's message without its multi-line source excerpt: what was wrong, and where. */
    static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? e.getOriginalMessage()
                : e.getOriginalMessage() + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
