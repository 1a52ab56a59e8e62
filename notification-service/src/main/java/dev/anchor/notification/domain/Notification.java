package dev.anchor.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One message to a customer (or the decision not to send one) and its delivery state. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID customerId;
    public UUID issueId;
    public UUID triggerEventId;
    public String triggerType;
    public String category;
    public boolean urgent;
    public String channel;
    public String fallbackChannel;
    /** queued, sent, delivered, failed or suppressed. */
    public String status;
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
    /**
     * While it waits: the parts it tells, a JSON array of {eventId, type, template, urgent, issue, change} as the
     * events carried them, so it can be decided again (customer arrived) or combined with a later change (digest).
     */
    @ColumnTransformer(write = "?::jsonb")
    public String parts;
    @Version
    public long version;

    /** It no longer waits (sent, delivered, failed or suppressed): what it told stays in its rendered bodies. */
    public void settle(String status, String reason) {
        this.status = status;
        this.reason = reason;
        this.dueAt = null;
        this.parts = null;
    }
}
