package dev.anchor.contact.events.in;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.contact.domain.NotificationProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the notifications on the timeline from notification.events. Each event is applied once (inbox); a malformed
 * one is rejected whole and consumption goes on.
 */
@ApplicationScoped
public class NotificationEventsConsumer {

    static final String CONSUMER = "contact-service.notification.events";

    private final EventInbox inbox;
    private final NotificationProjection projection;

    public NotificationEventsConsumer(EventInbox inbox, NotificationProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming("notification-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, projection::apply);
    }
}
