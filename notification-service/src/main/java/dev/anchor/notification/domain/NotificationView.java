package dev.anchor.notification.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A notification as the API and notification.events show it: what was said and its state, never the address. */
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
                n.category, n.channel, n.status, n.reason, n.template, n.language,
                "email".equals(n.channel) ? n.subject : null, n.summary, n.attempts, utc(n.createdAt),
                "queued".equals(n.status) ? utc(n.dueAt) : null, utc(n.sentAt), utc(n.deliveredAt));
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
