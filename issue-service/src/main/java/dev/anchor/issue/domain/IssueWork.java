package dev.anchor.issue.domain;

import dev.anchor.blocks.problem.Problem.FieldError;
import dev.anchor.blocks.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Working an issue: the next expected action, comments, and resolution actions on the record. */
@ApplicationScoped
public class IssueWork {

    private final IssueJournal journal;

    public IssueWork(IssueJournal journal) {
        this.journal = journal;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issue setNextAction(Issue issue, NextActionRequest request, Actor actor) {
        IssueRules.requireNotClosed(issue, "take a next action");
        IssueRules.requireOwnerOrSupervisor(issue, actor, "set its next action");
        if (!request.dueAt().isAfter(Clocks.now())) {
            throw Problems.invalidField("dueAt", "must be in the future");
        }
        issue.nextWhat = request.what().strip();
        issue.nextWho = request.who();
        issue.nextDueAt = request.dueAt();
        issue.nextOverdueRaised = false;
        issue.updatedAt = Clocks.now();
        respond(issue, actor);
        journal.record(issue, actor, "issue.next-action-set",
                new Changes.NextActionSet(issue.nextWhat, issue.nextWho, issue.nextDueAt),
                IssueJournal.Entry.publicly("Next: " + issue.nextWhat + " (" + issue.nextWho + ", by " + issue.nextDueAt + ")", null));
        return issue;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry comment(Issue issue, CommentRequest request, Actor actor) {
        UUID commentId = UUID.randomUUID();
        String text = request.text().strip();
        if (request.visibility() == Visibility.PUBLIC) {
            respond(issue, actor);
        }
        issue.updatedAt = Clocks.now();
        var entry = new IssueJournal.Entry(request.visibility(), "Comment from " + actor.displayName(), text);
        return journal.record(issue, actor, "issue.commented",
                new Changes.Commented(commentId, request.visibility(),
                        new Changes.Author(actor.role(), actor.id(), actor.displayName()), text),
                entry, commentId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry takeAction(Issue issue, ActionRequest request, Actor actor) {
        IssueRules.requireNotClosed(issue, "take a resolution action");
        IssueRules.requireMayTakeAction(issue, actor, request.kind());
        validate(request);
        UUID actionId = UUID.randomUUID();
        respond(issue, actor);
        issue.updatedAt = Clocks.now();
        var change = new Changes.ActionTaken(actionId, request.kind(), request.amount(), request.currency(),
                request.place(), request.scheduledAt(), request.note());
        return journal.record(issue, actor, "issue.action-taken", change,
                IssueJournal.Entry.publicly(describe(request), request.note()), actionId);
    }

    /** The first thing staff do that the customer sees stops the first-response clock. */
    static void respond(Issue issue, Actor actor) {
        if (issue.firstResponseAt == null && actor.role() != ActorRole.customer) {
            issue.firstResponseAt = Clocks.now();
        }
    }

    private static String describe(ActionRequest action) {
        return switch (action.kind()) {
            case refund -> "Refund of " + action.amount().toPlainString() + " " + action.currency();
            case replacement -> "Replacement arranged";
            case repair -> "Repair booked at " + action.place() + " for " + action.scheduledAt();
            case repair_done -> action.place() == null || action.place().isBlank() ? "Repair done"
                    : "Repair done at " + action.place().strip();
            case other -> "Action taken";
        };
    }

    private static void validate(ActionRequest action) {
        List<FieldError> errors = new ArrayList<>();
        switch (action.kind()) {
            case refund -> {
                if (action.amount() == null) {
                    errors.add(new FieldError("amount", "is required for a refund"));
                }
                if (action.currency() == null) {
                    errors.add(new FieldError("currency", "is required for a refund"));
                }
            }
            case repair -> {
                if (action.place() == null || action.place().isBlank()) {
                    errors.add(new FieldError("place", "is required for a repair booking"));
                }
                if (action.scheduledAt() == null) {
                    errors.add(new FieldError("scheduledAt", "is required for a repair booking"));
                }
            }
            case other -> {
                if (action.note() == null || action.note().isBlank()) {
                    errors.add(new FieldError("note", "must say what was done"));
                }
            }
            case replacement, repair_done -> {
            }
        }
        if (action.kind() != ActionKind.refund && (action.amount() != null || action.currency() != null)) {
            errors.add(new FieldError(action.amount() != null ? "amount" : "currency", "only a refund has an amount"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("The action is incomplete", errors);
        }
    }
}
