package dev.anchor.issue.events.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What an issue event is about: its {@code data.change}, one record per event type (docs/event-contracts.md). */
@RegisterForReflection
public sealed interface IssueChange {

    /** The event type each change is published as. */
    static String type(IssueChange change) {
        return switch (change) {
            case Opened o -> "issue.opened";
            case Assigned a -> "issue.assigned";
            case NextActionSet n -> "issue.next-action-set";
            case Commented c -> "issue.commented";
            case ActionTaken a -> "issue.action-taken";
            case StatusChanged s -> "issue.status-changed";
            case Closed c -> "issue.closed";
            case Reopened r -> "issue.reopened";
            case CustomerChanged c -> "issue.customer-changed";
            case NextActionOverdue n -> "issue.next-action-overdue";
            case SlaBreached s -> "issue.sla-breached";
        };
    }

    /** The customer's status-page link: the only place the raw token travels. */
    @RegisterForReflection
    record Opened(String statusUrl) implements IssueChange {
    }

    /** A first owner (no previous owner) or a handoff. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Assigned(IssueState.Person owner, IssueState.Person previousOwner, String introduction,
                    OffsetDateTime previousOwnerBackAt) implements IssueChange {
    }

    @RegisterForReflection
    record NextActionSet(String what, String who, OffsetDateTime dueAt) implements IssueChange {
    }

    /** {@code visibility} is {@code public} or {@code internal}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Commented(UUID commentId, String visibility, Author author, String text) implements IssueChange {

        @RegisterForReflection
        public record Author(String role, String id, String displayName) {
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActionTaken(UUID actionId, String kind, BigDecimal amount, String currency, String place,
                       OffsetDateTime scheduledAt, String note) implements IssueChange {
    }

    @RegisterForReflection
    record StatusChanged(String from, String to) implements IssueChange {
    }

    /** {@code by} is {@code owner} or {@code customer}. */
    @RegisterForReflection
    record Closed(String by) implements IssueChange {
    }

    @RegisterForReflection
    record Reopened(String reason) implements IssueChange {
    }

    /** The customer record was merged into another: the issue now belongs to the survivor. */
    @RegisterForReflection
    record CustomerChanged(UUID from, UUID to) implements IssueChange {
    }

    /** A next action passed its due time (published once per next action). */
    @RegisterForReflection
    record NextActionOverdue(String what, String who, OffsetDateTime dueAt) implements IssueChange {
    }

    /** An SLA clock ({@code first_response}, {@code resolution}) ran out (published once per clock). */
    @RegisterForReflection
    record SlaBreached(String clock, OffsetDateTime dueAt) implements IssueChange {
    }
}
