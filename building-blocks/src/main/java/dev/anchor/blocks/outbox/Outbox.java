package dev.anchor.blocks.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.Topics;
import dev.anchor.blocks.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records an event in the caller's transaction: the change and its event commit together or not at all.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Event<OutboxWritten> written;
    private final String source;
    private final Clock clock;

    public Outbox(EntityManager em, ObjectMapper mapper, Event<OutboxWritten> written, Clock clock,
                  @ConfigProperty(name = "anchor.events.source") String source) {
        this.em = em;
        this.clock = clock;
        this.mapper = mapper;
        this.written = written;
        this.source = source;
    }

    /** Wraps {@code data} in a CloudEvent and stores it for the relay; must run inside a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent record(String topic, String type, UUID aggregateId, Object data) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), source, type,
                aggregateId.toString(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                CloudEvent.JSON, mapper.valueToTree(data), TraceContext.current());
        OutboxMessage message = new OutboxMessage();
        message.eventId = event.id();
        message.topic = Topics.named(topic);
        message.key = event.subject();
        message.type = type;
        message.payload = toJson(event);
        message.createdAt = event.time();
        em.persist(message);
        written.fire(new OutboxWritten(topic));
        return event;
    }

    /** Stores a record that is not a CloudEvent of ours (a dead letter): {@code payload} is sent as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRaw(String topic, String type, String key, String payload) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.randomUUID();
        message.topic = Topics.named(topic);
        message.key = key;
        message.type = type;
        message.payload = payload;
        message.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        em.persist(message);
        written.fire(new OutboxWritten(topic));
    }

    private String toJson(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.type() + " cannot be serialised", e);
        }
    }
}
