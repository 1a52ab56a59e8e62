package dev.anchor.notification.domain;

import dev.anchor.notification.events.out.NotificationState;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One message to a customer (or the decision not to send one) and its delivery state. */
@Entity
@Table(name = "notification")
public class Notification {
    @Id
    public UUID id;
    public UUID customerId;
    public UUID issueId;
    public UUID triggerEventId;
    public String triggerType;
    /** A {@link Template.Category} name: critical, service or marketing. */
    public String category;
    public boolean urgent;
    public String channel;
    public String fallbackChannel;
    @Convert(converter = NotificationStatusConverter.class)
    public NotificationStatus status;
    /** While queued a {@link HoldReason} (or a fallback's cause), when suppressed a {@link SuppressionReason}, when failed the error. */
    public String reason;
    public String template;
    public String language;
    public String subject;
    public String summary;
    public String bodyText;
    public String bodyHtml;
    public String smsText;
    /** The address used for the last attempt (resolved from the replica at each attempt). */
    public String recipient;
    public String provider;
    public String providerId;
    public int attempts;
    public OffsetDateTime dueAt;
    public String lastError;
    public OffsetDateTime createdAt;
    public OffsetDateTime sentAt;
    public OffsetDateTime deliveredAt;
    /** The trace of the change that made this message (W3C traceparent), or null outside any. */
    public String traceparent;
    /**
     * While it waits: the parts it tells ({@link MessageParts}), a JSON array of {eventId, type, template, urgent,
     * issue, change} as the events carried them, so it can be decided again (customer arrived) or combined with a
     * later change (digest).
     */
    @ColumnTransformer(write = "?::jsonb")
    public String parts;
    @Version
    public long version;

    /** It no longer waits (sent, delivered, failed or suppressed): what it told stays in its rendered bodies. */
    public void settle(NotificationStatus status, String reason) {
        this.status = status;
        this.reason = reason;
        this.dueAt = null;
        this.parts = null;
    }

    public boolean isHeldForCustomer() {
        return status == NotificationStatus.QUEUED && HoldReason.AWAITING_CUSTOMER.text().equals(reason);
    }

    /** The subject as shown: only an email has one. */
    public String shownSubject() {
        return "email".equals(channel) ? subject : null;
    }

    /** When it goes out, as shown: only while queued. */
    public OffsetDateTime shownDueAt() {
        return status == NotificationStatus.QUEUED ? utc(dueAt) : null;
    }

    /** Its state as notification.events carry it: what was said and its state, never the address. */
    public NotificationState state() {
        return new NotificationState(id, customerId, issueId, new NotificationState.Trigger(triggerEventId, triggerType),
                category, channel, status.value(), reason, template, language, shownSubject(), summary, attempts,
                utc(createdAt), shownDueAt(), utc(sentAt), utc(deliveredAt), null);
    }

    public static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
