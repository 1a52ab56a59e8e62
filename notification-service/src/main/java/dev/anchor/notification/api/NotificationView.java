package dev.anchor.notification.api;

import dev.anchor.notification.domain.Notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A notification as the API shows it: what was said and its state, never the address. */
public record NotificationView(
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
        OffsetDateTime deliveredAt) {

    public record Trigger(UUID eventId, String type) {
    }

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.customerId, n.issueId, new Trigger(n.triggerEventId, n.triggerType),
                n.category, n.channel, n.status.value(), n.reason, n.template, n.language, n.shownSubject(), n.summary,
                n.attempts, Notification.utc(n.createdAt), n.shownDueAt(), Notification.utc(n.sentAt),
                Notification.utc(n.deliveredAt));
    }
}
