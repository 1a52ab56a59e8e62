package dev.anchor.issue.events.in;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.issue.domain.ContactAndNotificationTrail;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** contact.events: a contact about an issue lands on its trail, once. */
@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONSUMER = "issue-service.contact.events";

    private final EventInbox inbox;
    private final ContactAndNotificationTrail trail;

    public ContactEventsConsumer(EventInbox inbox, ContactAndNotificationTrail trail) {
        this.inbox = inbox;
        this.trail = trail;
    }

    @Incoming("contact-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, trail::contact);
    }
}
