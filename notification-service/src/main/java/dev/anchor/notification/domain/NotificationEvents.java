package dev.anchor.notification.domain;

import dev.anchor.blocks.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Publishes a notification's outcome on notification.events through the outbox (no address, no phone number). */
@ApplicationScoped
public class NotificationEvents {

    public static final String TOPIC = "notification.events";
    private final Outbox outbox;

    public NotificationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Records notification.&lt;status&gt; for the notification's current state; call inside the transaction. */
    public void published(Notification n) {
        outbox.record(TOPIC, "notification." + n.status, n.id, Map.of("notification", NotificationView.of(n)));
    }

}
