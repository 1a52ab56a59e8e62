package dev.anchor.notification.messaging;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.notification.domain.IssueNotifier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * contact.events: a logged contact whose summary the customer asked to receive becomes a message (each event applied
 * once, deduplicated by its id); amendments and everything else send nothing.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONSUMER = "notification-service/contact-events";
    private final EventInbox inbox;
    private final IssueNotifier notifier;

    public ContactEventsConsumer(EventInbox inbox, IssueNotifier notifier) {
        this.inbox = inbox;
        this.notifier = notifier;
    }

    @Incoming("contact-events")
    @Blocking(ordered = true)
    public void consume(String payload) {
        inbox.apply(CONSUMER, payload, event -> {
            if (event.type().startsWith("contact.") && event.data() != null && event.data().isObject()) {
                notifier.applyContact(event.id(), event.type(), event.data());
            }
        });
    }
}
