package dev.anchor.issue.domain;

import dev.anchor.blocks.refusal.InvalidFields;

import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.issue.events.out.IssueChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Working an issue: the next expected action, comments, and resolution actions on the record. */
@ApplicationScoped
public class IssueCasework {

    private final IssueJournal journal;
    private final Clock clock;

    public IssueCasework(IssueJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issue setNextAction(Issue issue, NextAction next, Actor actor) {
        IssueRules.requireNotClosed(issue, "take a next action");
        IssueRules.requireOwnerOrSupervisor(issue, actor, "set its next action");
        if (sameAsCurrent(issue, next)) {
            return issue; // the same what, who and by-when again: nothing changes, nothing is recorded or published
        }
        OffsetDateTime now = ServiceClock.now(clock);
        if (!next.dueAt().isAfter(now)) {
            throw InvalidFields.of("dueAt", "must be in the future");
        }
        issue.nextWhat = next.what().strip();
        issue.nextWho = next.who();
        issue.nextDueAt = next.dueAt();
        issue.nextOverdueRaised = false;
        issue.updatedAt = now;
        respond(issue, actor, now);
        journal.record(issue, actor,
                new IssueChange.NextActionSet(issue.nextWhat, issue.nextWho.name(), issue.nextDueAt),
                IssueJournal.Entry.publicly("Next: " + issue.nextWhat + " (" + issue.nextWho + ", by " + issue.nextDueAt + ")", null));
        return issue;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry comment(Issue issue, String text, Visibility visibility, Actor actor) {
        UUID commentId = UUID.randomUUID();
        String stripped = text.strip();
        OffsetDateTime now = ServiceClock.now(clock);
        if (visibility == Visibility.PUBLIC) {
            respond(issue, actor, now);
        }
        issue.updatedAt = now;
        var entry = new IssueJournal.Entry(visibility, "Comment from " + actor.displayName(), stripped);
        var author = new IssueChange.Commented.Author(actor.role().name(), actor.id(), actor.displayName());
        return journal.record(issue, actor, new IssueChange.Commented(commentId, visibility.wire(), author, stripped),
                entry, commentId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry takeAction(Issue issue, ResolutionAction action, Actor actor) {
        IssueRules.requireNotClosed(issue, "take a resolution action");
        IssueRules.requireMayTakeAction(issue, actor, action.kind());
        validate(action);
        UUID actionId = UUID.randomUUID();
        OffsetDateTime now = ServiceClock.now(clock);
        respond(issue, actor, now);
        issue.updatedAt = now;
        var change = new IssueChange.ActionTaken(actionId, action.kind().name(), action.amount(), action.currency(),
                action.place(), action.scheduledAt(), action.note());
        return journal.record(issue, actor, change, IssueJournal.Entry.publicly(describe(action), action.note()), actionId);
    }

    /** The first thing staff do that the customer sees stops the first-response clock. */
    static void respond(Issue issue, Actor actor, OffsetDateTime now) {
        if (issue.firstResponseAt == null && actor.role() != ActorRole.customer) {
            issue.firstResponseAt = now;
        }
    }

    private static String describe(ResolutionAction action) {
        return switch (action.kind()) {
            case refund -> "Refund of " + action.amount().toPlainString() + " " + action.currency();
            case replacement -> "Replacement arranged";
            case repair -> "Repair booked at " + action.place() + " for " + action.scheduledAt();
            case repair_done -> action.place() == null || action.place().isBlank() ? "Repair done"
                    : "Repair done at " + action.place().strip();
            case other -> "Action taken";
        };
    }

    private static void validate(ResolutionAction action) {
        List<InvalidFields.Field> errors = new ArrayList<>();
        switch (action.kind()) {
            case refund -> {
                if (action.amount() == null) {
                    errors.add(new InvalidFields.Field("amount", "is required for a refund"));
                }
                if (action.currency() == null) {
                    errors.add(new InvalidFields.Field("currency", "is required for a refund"));
                }
            }
            case repair -> {
                if (action.place() == null || action.place().isBlank()) {
                    errors.add(new InvalidFields.Field("place", "is required for a repair booking"));
                }
                if (action.scheduledAt() == null) {
                    errors.add(new InvalidFields.Field("scheduledAt", "is required for a repair booking"));
                }
            }
            case other -> {
                if (action.note() == null || action.note().isBlank()) {
                    errors.add(new InvalidFields.Field("note", "must say what was done"));
                }
            }
            case replacement, repair_done -> {
            }
        }
        if (action.kind() != ActionKind.refund && (action.amount() != null || action.currency() != null)) {
            errors.add(new InvalidFields.Field(action.amount() != null ? "amount" : "currency", "only a refund has an amount"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields("The action is incomplete", errors);
        }
    }

    private static boolean sameAsCurrent(Issue issue, NextAction next) {
        return issue.nextWhat != null && next.what() != null && next.dueAt() != null
                && issue.nextWhat.equals(next.what().strip()) && issue.nextWho == next.who()
                && issue.nextDueAt != null && issue.nextDueAt.isEqual(next.dueAt());
    }
}
