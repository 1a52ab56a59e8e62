package dev.anchor.blocks.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The CloudEvents 1.0 JSON envelope every Anchor event travels in.
 * {@code id} is the idempotency key consumers record; {@code subject} is the aggregate id and the Kafka key;
 * {@code traceparent} (the CloudEvents distributed-tracing extension, W3C Trace Context) names the span that made the
 * change, so every consumer continues its trace; absent when tracing is off.
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
        JsonNode data,
        @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent) {

    /** An event made outside any trace. */
    public CloudEvent(String specversion, UUID id, String source, String type, String subject, OffsetDateTime time,
                      String datacontenttype, JsonNode data) {
        this(specversion, id, source, type, subject, time, datacontenttype, data, null);
    }

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
