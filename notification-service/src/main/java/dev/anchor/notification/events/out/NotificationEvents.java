package dev.anchor.notification.events.out;

import dev.anchor.blocks.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes a notification's outcome, and a customer's SMS reply, on notification.events through the outbox (no
 * address, no phone number).
 */
@ApplicationScoped
public class NotificationEvents {

    public static final String TOPIC = "notification.events";
    public static final String REPLY_RECEIVED = "notification.reply-received";

    private final Outbox outbox;

    public NotificationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Records notification.&lt;status&gt; for the notification's state; call inside the transaction that reached it. */
    public void published(NotificationState notification) {
        outbox.record(TOPIC, "notification." + notification.status(), notification.id(),
                new NotificationOutcome(notification));
    }

    /** Records notification.reply-received, keyed by the reply's id; call inside the transaction that took it. */
    public void replyReceived(ReplyState reply) {
        outbox.record(TOPIC, REPLY_RECEIVED, reply.id(), new ReplyReceived(reply));
    }
}
