package dev.anchor.blocks.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.MalformedEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How every consumer applies an event: parse the CloudEvent, claim its id in the inbox, and run the handler in one
 * transaction of its own — so a redelivered event changes nothing and a failed one is rolled back whole. When another
 * consumer of the same service changed the same rows at the same moment, the event is applied again, a few times.
 * An event that cannot be read, or whose handler finds it breaks its contract ({@link MalformedEvent}), is rejected:
 * rolled back, logged with its id, counted ({@link RejectedEvents}) and skipped, so consumption goes on.
 * Use it from an {@code @Incoming} method that receives the record value as a String; name the consumer
 * {@code <service>.<topic>}.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final int ATTEMPTS = 5;
    /** Serialization failure, deadlock, and a concurrent insert of the same row. */
    private static final Set<String> CONCURRENT_SQL_STATES = Set.of("40001", "40P01", "23505");

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final RejectedEvents rejected;

    public EventInbox(Inbox inbox, ObjectMapper mapper, RejectedEvents rejected) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.rejected = rejected;
    }

    /**
     * Applies {@code payload} once for {@code consumer}.
     * @return true when the handler ran; false for a duplicate or a rejected event
     */
    public boolean apply(String consumer, String payload, Consumer<CloudEvent> handler) {
        CloudEvent event = read(consumer, payload);
        if (event == null) {
            return false;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, event, handler));
            } catch (RuntimeException e) {
                MalformedEvent malformed = malformed(e);
                if (malformed != null) {
                    rejected.malformed(consumer, event.type(), event.id(), malformed.getMessage());
                    return false;
                }
                if (attempt == ATTEMPTS || !concurrentUpdate(e)) {
                    throw e;
                }
                LOG.debugf("%s applies %s %s again after a concurrent update (attempt %d)", consumer, event.type(),
                        event.id(), attempt + 1);
            }
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

    private CloudEvent read(String consumer, String payload) {
        CloudEvent event;
        try {
            event = mapper.readValue(payload, CloudEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            rejected.unreadable(consumer, payload, "not a CloudEvent");
            return null;
        }
        if (event == null || event.id() == null || event.type() == null || event.subject() == null
                || event.data() == null || !event.data().isObject()) {
            rejected.unreadable(consumer, payload, "no id, type, subject or data object");
            return null;
        }
        return event;
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
