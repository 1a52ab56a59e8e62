package dev.anchor.blocks.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.events.CloudEvent;
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
 * Use it from an {@code @Incoming} method that receives the record value as a String.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final int ATTEMPTS = 5;
    /** Serialization failure, deadlock, and a concurrent insert of the same row. */
    private static final Set<String> CONCURRENT_SQL_STATES = Set.of("40001", "40P01", "23505");

    private final Inbox inbox;
    private final ObjectMapper mapper;

    public EventInbox(Inbox inbox, ObjectMapper mapper) {
        this.inbox = inbox;
        this.mapper = mapper;
    }

    /**
     * Applies {@code payload} once for {@code consumer}.
     * @return true when the handler ran; false for a duplicate or an unreadable event (logged and skipped)
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
        } catch (JsonProcessingException e) {
            LOG.errorf("%s skips an unreadable event: %s", consumer, e.getOriginalMessage());
            return null;
        }
        if (event.id() == null || event.type() == null || event.subject() == null
                || event.data() == null || !event.data().isObject()) {
            LOG.errorf("%s skips an event without id, type, subject or data object: %s", consumer, payload);
            return null;
        }
        return event;
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
