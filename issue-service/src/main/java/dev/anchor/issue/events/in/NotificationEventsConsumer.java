package dev.anchor.issue.events.in;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.issue.domain.ContactAndNotificationTrail;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** notification.events: a message about an issue, sent or not, lands on its trail, once. */
@ApplicationScoped
public class NotificationEventsConsumer {

    static final String CONSUMER = "issue-service.notification.events";

    private final EventInbox inbox;
    private final ContactAndNotificationTrail trail;

    public NotificationEventsConsumer(EventInbox inbox, ContactAndNotificationTrail trail) {
        this.inbox = inbox;
        this.trail = trail;
    }

    @Incoming("notification-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, trail::notification);
    }
}
