package dev.anchor.issue.domain;

import dev.anchor.blocks.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** One owner at a time: an unowned issue is taken; after that only a handoff to a named agent moves it. */
@ApplicationScoped
public class IssueOwnership {

    private final IssueJournal journal;

    public IssueOwnership(IssueJournal journal) {
        this.journal = journal;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issue take(Issue issue, Actor actor) {
        IssueRules.requireNotClosed(issue, "be taken");
        if (issue.ownerId != null) {
            throw Problems.conflict(issue.isOwnedBy(actor.id())
                    ? "You already own issue " + issue.number
                    : "Issue " + issue.number + " is owned by " + issue.ownerName + "; only a handoff moves it");
        }
        return recordFirstOwner(issue, actor);
    }

    /** Makes the caller the first owner and records issue.assigned (also for an issue opened already owned by them). */
    @Transactional(Transactional.TxType.MANDATORY)
    Issue recordFirstOwner(Issue issue, Actor actor) {
        Person owner = new Person(actor.id(), actor.displayName());
        issue.ownerId = owner.id();
        issue.ownerName = owner.displayName();
        issue.updatedAt = Clocks.now();
        journal.record(issue, actor, "issue.assigned", new Changes.Assigned(owner, null, null, null),
                IssueJournal.Entry.publicly(owner.displayName() + " now owns this issue", null)
                        .with(new IssueJournal.Handoff(owner.displayName(), null, null)));
        return issue;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issue handOff(Issue issue, HandoffRequest request, Actor actor) {
        IssueRules.requireNotClosed(issue, "be handed off");
        IssueRules.requireOwnerOrSupervisor(issue, actor, "hand it off");
        if (issue.isOwnedBy(request.toAgentId())) {
            throw Problems.unprocessable(request.toAgentId() + " already owns issue " + issue.number);
        }
        if (request.previousOwnerBackAt() != null && !request.previousOwnerBackAt().isAfter(Clocks.now())) {
            throw Problems.invalidField("previousOwnerBackAt", "must be in the future");
        }
        Person previous = issue.owner();
        String name = request.toAgentName() == null || request.toAgentName().isBlank()
                ? request.toAgentId() : request.toAgentName().strip();
        Person owner = new Person(request.toAgentId().strip(), name);
        issue.ownerId = owner.id();
        issue.ownerName = owner.displayName();
        issue.updatedAt = Clocks.now();
        String back = previous == null || request.previousOwnerBackAt() == null ? ""
                : "; " + previous.displayName() + " is back " + request.previousOwnerBackAt();
        journal.record(issue, actor, "issue.assigned",
                new Changes.Assigned(owner, previous, request.introduction().strip(), request.previousOwnerBackAt()),
                IssueJournal.Entry.publicly(owner.displayName() + " now owns this issue" + back, request.introduction().strip())
                        .with(new IssueJournal.Handoff(owner.displayName(), previous == null ? null : previous.displayName(),
                                request.previousOwnerBackAt())));
        return issue;
    }
}
