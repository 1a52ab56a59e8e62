package dev.anchor.blocks.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * How every consumer applies an event: parse the CloudEvent, claim its id in the inbox, and run the handler in the
 * same transaction — so a redelivered event changes nothing and a failed one is retried whole.
 * Use it from an {@code @Incoming} method that receives the record value as a String.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

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
    @Transactional
    public boolean apply(String consumer, String payload, Consumer<CloudEvent> handler) {
        CloudEvent event;
        try {
            event = mapper.readValue(payload, CloudEvent.class);
        } catch (JsonProcessingException e) {
            LOG.errorf("%s skips an unreadable event: %s", consumer, e.getOriginalMessage());
            return false;
        }
        if (event.id() == null || event.type() == null || event.subject() == null
                || event.data() == null || !event.data().isObject()) {
            LOG.errorf("%s skips an event without id, type, subject or data object: %s", consumer, payload);
            return false;
        }
        if (!inbox.firstDelivery(consumer, event.id())) {
            LOG.debugf("%s already applied %s %s", consumer, event.type(), event.id());
            return false;
        }
        handler.accept(event);
        return true;
    }
}
