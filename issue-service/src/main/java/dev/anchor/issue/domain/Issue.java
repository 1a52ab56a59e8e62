package dev.anchor.issue.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The issue aggregate: one customer's request from opening to closing, with one owner at a time. */
@Entity
@Table(name = "issue")
public class Issue {

    @Id
    public UUID id;
    public String number;
    public UUID customerId;
    public String title;
    public String description;
    public String category;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Enumerated(EnumType.STRING)
    public RaisedChannel channel;
    @Enumerated(EnumType.STRING)
    public IssueStatus status;

    public String ownerId;
    public String ownerName;

    public String nextWhat;
    @Enumerated(EnumType.STRING)
    public Party nextWho;
    public OffsetDateTime nextDueAt;
    /** Where the next action happens (a store or repair centre), if it says so. */
    public String nextLocationId;
    public boolean nextOverdueRaised;
    /** Once a step of ours went overdue: the new time we expect it by (the customer is told it once). */
    public OffsetDateTime nextRevisedDueAt;
    /** A snapshot of the directory entry {@link #nextLocationId} names (when it names a known one), taken when set. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Place nextPlace;
    /** The upcoming booking (a repair or a visit at a place of the directory), while there is one. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Appointment appointment;
    /** While resolved: when the issue closes itself unless the customer says it is not fixed. */
    public OffsetDateTime closesAt;
    /** While closed: until when it may still be reopened. */
    public OffsetDateTime reopenableUntil;

    public UUID linkedIssueId;
    /** The location it was opened with, while it is still shared with it (older readers know only this one). */
    public String locationId;
    /** Every location the issue is shared with: their partners see it. A change moves the version on. */
    @ElementCollection
    @CollectionTable(name = "issue_share", joinColumns = @JoinColumn(name = "issue_id"))
    @Column(name = "location_id")
    @BatchSize(size = 100) // a page of issues loads its shares in one query
    public Set<String> locations = new TreeSet<>();

    public OffsetDateTime firstResponseAt;
    public OffsetDateTime resolvedAt;
    public OffsetDateTime closedAt;
    public OffsetDateTime firstResponseDueAt;
    public OffsetDateTime resolutionDueAt;
    /** Set while the issue waits on the customer: the SLA clocks stand still. */
    public OffsetDateTime slaPausedAt;
    public boolean firstResponseBreachRaised;
    public boolean resolutionBreachRaised;

    @Version
    public long version;
    public OffsetDateTime openedAt;
    public OffsetDateTime updatedAt;

    public Person owner() {
        return ownerId == null ? null : new Person(ownerId, ownerName);
    }

    public NextAction nextAction() {
        return nextWhat == null ? null : new NextAction(nextWhat, nextWho, nextDueAt, nextLocationId, nextPlace,
                nextRevisedDueAt);
    }

    /** The locations it is shared with, sorted. */
    public List<String> sharedWith() {
        return locations.stream().sorted().toList();
    }

    /** Whether partners of {@code locationId} see this issue (the one rule of partner scope; queries mirror it). */
    public boolean isSharedWith(String locationId) {
        return locationId != null && locations.contains(locationId);
    }

    /** Forgets the next action (it was done, answered, or the issue is resolved or closed). */
    public void clearNextAction() {
        nextWhat = null;
        nextWho = null;
        nextDueAt = null;
        nextLocationId = null;
        nextPlace = null;
        nextOverdueRaised = false;
        nextRevisedDueAt = null;
    }

    public boolean isOwnedBy(String agentId) {
        return ownerId != null && ownerId.equals(agentId);
    }

    /** Moves to {@code to}, pausing the SLA clocks while the issue waits on the customer. */
    public void moveTo(IssueStatus to, OffsetDateTime now) {
        if (to != IssueStatus.waiting_on_customer && slaPausedAt != null) {
            Duration paused = Duration.between(slaPausedAt, now);
            firstResponseDueAt = firstResponseDueAt.plus(paused);
            resolutionDueAt = resolutionDueAt.plus(paused);
            slaPausedAt = null;
        }
        if (to == IssueStatus.waiting_on_customer && slaPausedAt == null) {
            slaPausedAt = now;
        }
        status = to;
        if (to == IssueStatus.resolved) {
            resolvedAt = now;
        }
        if (to == IssueStatus.closed) {
            closedAt = now;
        }
        if (to.isDone()) {
            appointment = null; // nothing is booked for a resolved or closed issue any more
        }
        if (to != IssueStatus.resolved) {
            closesAt = null;
        }
        if (to != IssueStatus.closed) {
            reopenableUntil = null;
        }
        updatedAt = now;
    }
}
