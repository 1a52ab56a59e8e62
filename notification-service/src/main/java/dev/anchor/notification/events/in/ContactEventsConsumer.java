package dev.anchor.notification.events.in;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.notification.domain.ContactSummaries;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * contact.events: a logged contact whose summary the customer asked to receive becomes a message (each event applied
 * once, deduplicated by its id); amendments and everything else send nothing.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONSUMER = "notification-service.contact.events";

    private final EventInbox inbox;
    private final ContactSummaries summaries;

    public ContactEventsConsumer(EventInbox inbox, ContactSummaries summaries) {
        this.inbox = inbox;
        this.summaries = summaries;
    }

    @Incoming("contact-events")
    @Blocking // one event after another, so the order of a partition is kept
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, summaries::apply);
    }
}
