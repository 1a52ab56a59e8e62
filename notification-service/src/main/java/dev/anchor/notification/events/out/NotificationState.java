package dev.anchor.notification.events.out;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A notification as notification.events carry it (docs/events/notification.defs.schema.json): what was said and its
 * state, never the customer's address. Null members are left out. {@code replyTo}, on a sent email about an issue, is
 * our own address the customer's answer goes to: contact-service learns from it which issue a reply answers.
 */
@RegisterForReflection // serialised by Jackson into the outbox, outside a REST return type (native image)
public record NotificationState(
        UUID id,
        UUID customerId,
        UUID issueId,
        Trigger trigger,
        String category,
        String channel,
        String status,
        String reason,
        String template,
        String language,
        String subject,
        String summary,
        int attempts,
        OffsetDateTime createdAt,
        OffsetDateTime dueAt,
        OffsetDateTime sentAt,
        OffsetDateTime deliveredAt,
        String replyTo) {

    /** The same state with the address replies to it go to. */
    public NotificationState withReplyTo(String address) {
        return new NotificationState(id, customerId, issueId, trigger, category, channel, status, reason, template,
                language, subject, summary, attempts, createdAt, dueAt, sentAt, deliveredAt, address);
    }

    /** The event that caused it. */
    @RegisterForReflection
    public record Trigger(UUID eventId, String type) {
    }
}
