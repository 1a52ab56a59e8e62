package dev.anchor.issue.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What each issue event is about: its {@code data.change} (docs/event-contracts.md). */
public final class Changes {

    private Changes() {
    }

    public record Opened(String statusUrl) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assigned(Person owner, Person previousOwner, String introduction, OffsetDateTime previousOwnerBackAt) {
    }

    public record NextActionSet(String what, Party who, OffsetDateTime dueAt) {
    }

    public record Author(ActorRole role, String id, String displayName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Commented(UUID commentId, Visibility visibility, Author author, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActionTaken(UUID actionId, ActionKind kind, BigDecimal amount, String currency, String place,
                              OffsetDateTime scheduledAt, String note) {
    }

    public record StatusChanged(IssueStatus from, IssueStatus to) {
    }

    public record Closed(String by) {
    }

    public record Reopened(String reason) {
    }

    /** The customer record was merged into another: the issue now belongs to the survivor. */
    public record CustomerChanged(UUID from, UUID to) {
    }

    /** A next action passed its due time (published once per next action). */
    public record NextActionOverdue(String what, Party who, OffsetDateTime dueAt) {
    }

    /** An SLA clock ran out (published once per clock). */
    public record SlaBreached(String clock, OffsetDateTime dueAt) {
    }
}
