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
            case Shared s -> "issue.shared";
            case Unshared u -> "issue.unshared";
            case NextActionCompleted n -> "issue.next-action-completed";
            case StatusLinkIssued l -> "issue.status-link-issued";
            case AttachmentAdded a -> "issue.attachment-added";
        };
    }

    /**
     * The customer's status-page link: the only place the raw token travels. {@code fromContactId}: the contact (an
     * email to the organisation's address) that asked for the issue, when one did.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Opened(String statusUrl, UUID fromContactId) implements IssueChange {
    }

    /** A first owner (no previous owner) or a handoff. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Assigned(IssueState.Person owner, IssueState.Person previousOwner, String introduction,
                    OffsetDateTime previousOwnerBackAt) implements IssueChange {
    }

    /** {@code locationId}: where it happens (a store or repair centre), when the next action says so. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NextActionSet(String what, String who, OffsetDateTime dueAt, String locationId) implements IssueChange {
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
                       OffsetDateTime scheduledAt, String note, IssueState.Place location) implements IssueChange {
    }

    @RegisterForReflection
    record StatusChanged(String from, String to) implements IssueChange {
    }

    /** {@code by} is {@code owner} or {@code customer}; {@code automatic} when it closed itself after being resolved. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Closed(String by, Boolean automatic) implements IssueChange {

        public Closed(String by) {
            this(by, null);
        }
    }

    /** {@code reason} in the words of who reopened it (may be empty); {@code by} is {@code customer} or {@code agent}. */
    @RegisterForReflection
    record Reopened(String reason, String by) implements IssueChange {
    }

    /**
     * The next action is over: {@code reason} {@code answered} (the customer wrote while it was theirs), {@code done}
     * (a repair was reported done while it was the partner's), {@code issue-resolved} or {@code issue-closed};
     * {@code completedBy} the party who ended it. The issue has no next action afterwards.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NextActionCompleted(String what, String who, OffsetDateTime dueAt, String locationId, String completedBy,
                               String reason) implements IssueChange {
    }

    /** The customer record was merged into another: the issue now belongs to the survivor. */
    @RegisterForReflection
    record CustomerChanged(UUID from, UUID to) implements IssueChange {
    }

    /**
     * A next action passed its due time (published once per next action); {@code revisedDueAt}, for a step of ours
     * (not the customer's), is the new time we now expect it by.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NextActionOverdue(String what, String who, OffsetDateTime dueAt, OffsetDateTime revisedDueAt)
            implements IssueChange {
    }

    /** An SLA clock ({@code first_response}, {@code resolution}) ran out (published once per clock). */
    @RegisterForReflection
    record SlaBreached(String clock, OffsetDateTime dueAt) implements IssueChange {
    }

    /** The issue is shared with one more location: its partners see it from now on. */
    @RegisterForReflection
    record Shared(String locationId) implements IssueChange {
    }

    /** The issue is no longer shared with a location: its partners no longer see it. */
    @RegisterForReflection
    record Unshared(String locationId) implements IssueChange {
    }

    /**
     * A further status-page link: {@code requestedBy} {@code customer} (from a link that no longer works; it is sent to
     * the address on file) or {@code staff} (handed over by them). Messages from now on carry it.
     */
    @RegisterForReflection
    record StatusLinkIssued(String statusUrl, String requestedBy) implements IssueChange {
    }

    /**
     * The customer sent a file with the issue: its id, sanitised name, the type detected from its bytes and its size —
     * never the bytes. {@code uploadedBy} is {@code customer}; {@code channel} {@code web} (the status page's upload)
     * or {@code email}, then with the {@code contactId} whose email carried it (contact-service keeps the bytes).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttachmentAdded(UUID attachmentId, String fileName, String mediaType, long size, String uploadedBy,
                           String channel, UUID contactId) implements IssueChange {
    }
}
