package dev.anchor.blocks.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.EventContracts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import dev.anchor.blocks.events.MalformedEvent;
import dev.anchor.blocks.problem.DatabaseUnavailable;
import dev.anchor.blocks.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How every consumer applies an event: parse the CloudEvent, claim its id in the inbox, and run the handler in one
 * transaction of its own — so a redelivered event changes nothing and a failed one is rolled back whole.
 * <ul>
 *   <li>Another consumer of the same service changed the same rows at the same moment: applied again, a few times.</li>
 *   <li>The database is out of reach (restarting, no connection left): the consumer waits, backing off, and applies
 *       the event when it is back — in order, nothing skipped, the channel never dies of it.</li>
 *   <li>The event breaks its published schema ({@link EventContracts}): refused before anything is written.</li>
 *   <li>The event cannot be read, breaks its contract ({@link MalformedEvent}), or its handler fails every attempt for
 *       another reason: rejected — rolled back, parked on the consumer's dead-letter topic ({@link RejectedEvents}),
 *       so consumption goes on.</li>
 * </ul>
 * Use it from an {@code @Incoming} method that receives the record value as a String; name the consumer
 * {@code <service>.<topic>}.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final int ATTEMPTS = 5;
    /** Serialization failure, deadlock, and a concurrent insert of the same row. */
    private static final Set<String> CONCURRENT_SQL_STATES = Set.of("40001", "40P01", "23505");
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final RejectedEvents rejected;
    private final Tracer tracer;
    private final EventContracts contracts;

    public EventInbox(Inbox inbox, ObjectMapper mapper, RejectedEvents rejected, Tracer tracer,
                      EventContracts contracts) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.rejected = rejected;
        this.tracer = tracer;
        this.contracts = contracts;
    }

    /**
     * Applies {@code payload} once for {@code consumer}.
     * @return true when the handler ran; false for a duplicate or a rejected event
     */
    public boolean apply(String consumer, String payload, Consumer<CloudEvent> handler) {
        return apply(consumer, Arrived.of(payload), handler);
    }

    /** Applies the record's value once for {@code consumer}; a rejected one is parked with its headers. */
    public boolean apply(String consumer, ConsumerRecord<String, String> record, Consumer<CloudEvent> handler) {
        return apply(consumer, Arrived.of(record), handler);
    }

    private boolean apply(String consumer, Arrived arrived, Consumer<CloudEvent> handler) {
        String payload = arrived.payload();
        CloudEvent event = read(consumer, arrived);
        if (event == null) {
            return false;
        }
        Optional<String> broken = contracts.violations(tree(payload));
        if (broken.isPresent()) {
            // refused whole before anything is claimed or written; the aggregate's later valid events still apply
            park(consumer, () -> rejected.malformed(consumer, event.type(), event.id(), event.subject(), arrived,
                    broken.get()));
            return false;
        }
        Span span = span(consumer, event);
        try (Scope ignored = span.makeCurrent()) {
            boolean applied = applyInOrder(consumer, arrived, event, handler);
            span.setAttribute("anchor.inbox.applied", applied);
            return applied;
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * The span of this consumer's part in the change's trace: a child of the incoming record's span when the messaging
     * layer made one current in that trace (the relay's header), else of the span that recorded the event (a record
     * without the header: a replay, another producer); none for an event outside any trace.
     */
    private Span span(String consumer, CloudEvent event) {
        Context recorded = TraceContext.parent(event.traceparent());
        String trace = Span.fromContext(recorded).getSpanContext().getTraceId();
        Context parent = Span.current().getSpanContext().isValid()
                && (event.traceparent() == null || Span.current().getSpanContext().getTraceId().equals(trace))
                ? Context.current() : recorded;
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(consumer + " apply " + event.type()).setParent(parent)
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
    }

    private boolean applyInOrder(String consumer, Arrived arrived, CloudEvent event, Consumer<CloudEvent> handler) {
        for (int attempt = 1; ; attempt++) {
            try {
                // a database outage is waited out here, however long: the event is applied when it is back, in order
                return DatabaseUnavailable.waitOut("apply " + event.type() + " " + event.id() + " (" + consumer + ")",
                        () -> QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, event, handler)));
            } catch (RuntimeException e) {
                MalformedEvent malformed = malformed(e);
                if (malformed != null) {
                    park(consumer, () -> rejected.malformed(consumer, event.type(), event.id(),
                            event.subject(), arrived, malformed.getMessage()));
                    return false;
                }
                if (attempt == ATTEMPTS) {
                    park(consumer, () -> rejected.failed(consumer, event.type(), event.id(), event.subject(),
                            arrived, e));
                    return false;
                }
                if (concurrentUpdate(e)) {
                    LOG.debugf("%s applies %s %s again after a concurrent update (attempt %d)", consumer,
                            event.type(), event.id(), attempt + 1);
                } else {
                    LOG.warnf("%s failed to apply %s %s (attempt %d of %d): %s", consumer, event.type(), event.id(),
                            attempt, ATTEMPTS, e);
                    pause(FIRST_WAIT.multipliedBy(attempt));
                }
            }
        }
    }

    /** Parks a rejected event, waiting for the database as long as it takes: a dead letter is never dropped. */
    private static void park(String consumer, Runnable park) {
        DatabaseUnavailable.waitOut("park an event of " + consumer, park);
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped while waiting to apply an event", e);
        }
    }

    private boolean applyOnce(String consumer, CloudEvent event, Consumer<CloudEvent> handler) {
        if (!inbox.firstDelivery(consumer, event.id())) {
            LOG.debugf("%s already applied %s %s", consumer, event.type(), event.id());
            return false;
        }
        handler.accept(event);
        return true;
    }

    private CloudEvent read(String consumer, Arrived arrived) {
        String payload = arrived.payload();
        CloudEvent event;
        try {
            event = mapper.readValue(payload, CloudEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            park(consumer, () -> rejected.unreadable(consumer, arrived, "not a CloudEvent"));
            return null;
        }
        if (event == null || event.id() == null || event.type() == null || event.subject() == null
                || event.data() == null || !event.data().isObject()) {
            park(consumer, () -> rejected.unreadable(consumer, arrived, "no id, type, subject or data object"));
            return null;
        }
        return event;
    }

    /** The payload as JSON, read once more for its contract: it was read as a CloudEvent already. */
    private JsonNode tree(String payload) {
        try {
            return mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A payload read as a CloudEvent is JSON", e);
        }
    }

    private static MalformedEvent malformed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEvent malformed) {
                return malformed;
            }
        }
        return null;
    }

    private static boolean concurrentUpdate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
            if (cause instanceof SQLException sql && CONCURRENT_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
