package dev.anchor.blocks.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Where an event that cannot be applied goes (unreadable, breaking its contract, or failing again and again): parked
 * on the consumer's dead-letter topic {@code <consumer>.dlq} (e.g. notification-service.customer.events.dlq) through
 * the outbox, logged with its id and counted in {@code anchor.events.rejected} by consumer and reason. Nothing of it
 * was applied, and later events go on. {@code ./suite events <consumer>.dlq} shows them; {@code ./suite replay}
 * publishes each parked record again on its topic, where the inbox makes it a no-op for every consumer that had applied
 * it (docs/reliability.md).
 */
@ApplicationScoped
public class RejectedEvents {

    private static final Logger LOG = Logger.getLogger(RejectedEvents.class);
    static final String METRIC = "anchor.events.rejected";
    /** The CloudEvent-free record type of a dead letter, as the outbox stores it. */
    public static final String DEAD_LETTER = "anchor.dead-letter";

    /**
     * What a dead-letter record holds: who refused what and why, and the record exactly as it arrived, with its Kafka
     * headers (UTF-8 text) and where it was on its topic, when the consumer had them.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadLetter(String consumer, String topic, String reason, String detail, OffsetDateTime rejectedAt,
                             UUID eventId, String eventType, String subject, String record, Map<String, String> headers,
                             Integer partition, Long offset) {
    }

    private final MeterRegistry registry;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    public RejectedEvents(MeterRegistry registry, Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.registry = registry;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The dead-letter topic of {@code consumer} (before the environment's topic prefix). */
    public static String deadLetterTopic(String consumer) {
        return consumer + ".dlq";
    }

    /** An event whose envelope cannot be read: no id to name, so the start of the record is logged. */
    public void unreadable(String consumer, Arrived arrived, String why) {
        LOG.errorf("%s rejects an unreadable event (%s): %s", consumer, why, start(arrived.payload()));
        park(consumer, "unreadable", why, null, null, null, arrived);
    }

    /** An event that breaks its contract: its transaction was rolled back, so it changed nothing. */
    public void malformed(String consumer, String type, UUID eventId, String subject, Arrived arrived, String why) {
        LOG.errorf("%s rejects %s %s: %s", consumer, type, eventId, why);
        park(consumer, "malformed", why, eventId, type, subject, arrived);
    }

    /** An event whose handler failed every attempt for a reason of ours: parked so that later events go on. */
    public void failed(String consumer, String type, UUID eventId, String subject, Arrived arrived, RuntimeException e) {
        LOG.errorf(e, "%s parks %s %s after it failed every attempt", consumer, type, eventId);
        park(consumer, "failed", e.getClass().getSimpleName(), eventId, type, subject, arrived);
    }

    private void park(String consumer, String reason, String detail, UUID eventId, String type, String subject,
                      Arrived arrived) {
        String topic = consumer.substring(consumer.indexOf('.') + 1);
        DeadLetter letter = new DeadLetter(consumer, topic, reason, detail,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), eventId, type, subject,
                arrived.payload(), arrived.headers().isEmpty() ? null : arrived.headers(), arrived.partition(),
                arrived.offset());
        QuarkusTransaction.requiringNew().run(() -> outbox.recordRaw(deadLetterTopic(consumer), DEAD_LETTER,
                subject != null ? subject : consumer, json(letter)));
        registry.counter(METRIC, "consumer", consumer, "reason", reason).increment();
    }

    private String json(DeadLetter letter) {
        try {
            return mapper.writeValueAsString(letter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A dead letter cannot be serialised", e);
        }
    }

    private static String start(String payload) {
        return payload == null ? "null" : payload.length() > 200 ? payload.substring(0, 200) + "…" : payload;
    }
}
