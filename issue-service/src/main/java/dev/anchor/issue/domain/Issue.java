package dev.anchor.issue.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.OffsetDateTime;
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
    public boolean nextOverdueRaised;

    public UUID linkedIssueId;
    public String locationId;

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
        return nextWhat == null ? null : new NextAction(nextWhat, nextWho, nextDueAt);
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
        updatedAt = now;
    }
}
