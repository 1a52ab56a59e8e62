package dev.anchor.blocks.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The CloudEvents 1.0 JSON envelope every Anchor event travels in.
 * {@code id} is the idempotency key consumers record; {@code subject} is the aggregate id and the Kafka key.
 */
@RegisterForReflection // serialised by Jackson outside a REST return type (native image)
@JsonIgnoreProperties(ignoreUnknown = true) // extension attributes (e.g. traceparent) are allowed by the spec
public record CloudEvent(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
