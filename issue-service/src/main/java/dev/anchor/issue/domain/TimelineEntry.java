package dev.anchor.issue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.util.UUID;

/** One line of an issue's append-only audit trail: who, when, what, through which channel, and who may see it. */
@Entity
@Table(name = "issue_entry")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;
    @Column(updatable = false)
    public UUID id;
    @Column(updatable = false)
    public UUID issueId;
    /** The event type it records (issue.commented…) or contact.logged / notification.sent for what arrived. */
    @Column(updatable = false)
    public String kind;
    /** {@code public} or {@code internal}. */
    @Column(updatable = false)
    public String visibility;
    @Column(updatable = false)
    public String actorRole;
    @Column(updatable = false)
    public String actorId;
    @Column(updatable = false)
    public String actorName;
    @Column(updatable = false)
    public String channel;
    /** A short sentence, as the customer or an agent reads it. */
    @Column(updatable = false)
    public String summary;
    /** The text of a comment, a handoff's introduction, a contact's summary. */
    @Column(updatable = false)
    public String detail;
    @Column(updatable = false)
    public OffsetDateTime at;
    /** A handoff's new owner (issue.assigned). */
    @Column(updatable = false)
    public String ownerName;
    /** A handoff's previous owner, and when they are back (if the handoff said so). */
    @Column(updatable = false)
    public String previousOwnerName;
    @Column(updatable = false)
    public OffsetDateTime previousOwnerBackAt;
    /**
     * When the customer's personal text was taken out of this entry (customer.erased); only the erasure sets it, or an
     * entry written already erased (about a customer erased before it arrived).
     */
    @Column(updatable = false)
    public OffsetDateTime erasedAt;
    /**
     * The structured facts the customer's page words itself in their language (status {@code from}/{@code to}, an
     * action's {@code action}, {@code amount}, {@code currency}, {@code scheduledAt}, {@code place}, {@code locationName},
     * a step's {@code who} and {@code dueAt}, a completed step's {@code reason}); null for older entries.
     */
    @Column(updatable = false)
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> facts;

    public boolean isPublic() {
        return Visibility.PUBLIC.wire().equals(visibility);
    }
}
