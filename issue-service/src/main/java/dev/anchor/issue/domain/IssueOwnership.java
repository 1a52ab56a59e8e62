package dev.anchor.issue.domain;

import dev.anchor.blocks.refusal.Conflict;
import dev.anchor.blocks.refusal.Refused;
import dev.anchor.blocks.refusal.InvalidFields;

import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.issue.events.out.IssueChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/** One owner at a time: an unowned issue is taken; after that only a handoff to a named agent moves it. */
@ApplicationScoped
public class IssueOwnership {

    private final IssueJournal journal;
    private final Clock clock;

    public IssueOwnership(IssueJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issue take(Issue issue, Actor actor) {
        IssueRules.requireNotClosed(issue, "be taken");
        if (issue.ownerId != null) {
            throw new Conflict(issue.isOwnedBy(actor.id())
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
        issue.updatedAt = ServiceClock.now(clock);
        journal.record(issue, actor, new IssueChange.Assigned(EventRecords.person(owner), null, null, null),
                IssueJournal.Entry.publicly(owner.displayName() + " now owns this issue", null)
                        .with(new IssueJournal.Owners(owner.displayName(), null, null)));
        return issue;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issue handOff(Issue issue, Handoff handoff, Actor actor) {
        IssueRules.requireNotClosed(issue, "be handed off");
        IssueRules.requireOwnerOrSupervisor(issue, actor, "hand it off");
        if (issue.isOwnedBy(handoff.toAgentId())) {
            throw new Refused(handoff.toAgentId() + " already owns issue " + issue.number);
        }
        OffsetDateTime now = ServiceClock.now(clock);
        OffsetDateTime backAt = handoff.previousOwnerBackAt();
        if (backAt != null && !backAt.isAfter(now)) {
            throw InvalidFields.of("previousOwnerBackAt", "must be in the future");
        }
        Person previous = issue.owner();
        String name = handoff.toAgentName() == null || handoff.toAgentName().isBlank()
                ? handoff.toAgentId() : handoff.toAgentName().strip();
        Person owner = new Person(handoff.toAgentId().strip(), name);
        issue.ownerId = owner.id();
        issue.ownerName = owner.displayName();
        issue.updatedAt = now;
        String introduction = handoff.introduction().strip();
        String back = previous == null || backAt == null ? "" : "; " + previous.displayName() + " is back " + backAt;
        journal.record(issue, actor,
                new IssueChange.Assigned(EventRecords.person(owner), EventRecords.person(previous), introduction, backAt),
                IssueJournal.Entry.publicly(owner.displayName() + " now owns this issue" + back, introduction)
                        .with(new IssueJournal.Owners(owner.displayName(), previous == null ? null : previous.displayName(),
                                backAt)));
        return issue;
    }
}
