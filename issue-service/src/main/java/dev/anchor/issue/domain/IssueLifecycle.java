package dev.anchor.issue.domain;

import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.issue.events.out.IssueChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** The lifecycle: open → in_progress → waiting_on_customer | waiting_on_partner → resolved → closed, and reopen. */
@ApplicationScoped
public class IssueLifecycle {

    private final IssueJournal journal;
    private final IssueCasework casework;
    private final IssueSettings settings;
    private final Clock clock;

    public IssueLifecycle(IssueJournal journal, IssueCasework casework, IssueSettings settings, Clock clock) {
        this.journal = journal;
        this.casework = casework;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issue changeStatus(Issue issue, IssueStatus to, Actor actor) {
        if (!issue.status.next().contains(to)) {
            throw new TransitionRefused(issue.status, "move to " + to);
        }
        IssueRules.requireOwnerOrSupervisor(issue, actor, "change its status");
        IssueStatus from = issue.status;
        if (to == IssueStatus.resolved) {
            casework.completeNextAction(issue, actor, IssueCasework.Completion.ISSUE_RESOLVED);
        }
        OffsetDateTime now = ServiceClock.now(clock);
        issue.moveTo(to, now);
        if (to == IssueStatus.resolved) {
            issue.closesAt = now.plus(settings.autoCloseAfter()); // unless the customer says it is not fixed
        }
        IssueCasework.respond(issue, actor, now);
        journal.record(issue, actor, new IssueChange.StatusChanged(from.name(), to.name()),
                IssueJournal.Entry.publicly("Status: " + to.customerLabel(), null)
                        .with(IssueJournal.facts("from", from.name(), "to", to.name())));
        return issue;
    }

    /** The customer answered while the issue waited on them: it is back with us, and the SLA clocks run again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issue customerReplied(Issue issue, Actor customer) {
        issue.moveTo(IssueStatus.in_progress, ServiceClock.now(clock));
        journal.record(issue, customer,
                new IssueChange.StatusChanged(IssueStatus.waiting_on_customer.name(), IssueStatus.in_progress.name()),
                IssueJournal.Entry.publicly("Status: " + IssueStatus.in_progress.customerLabel(), null)
                        .with(IssueJournal.facts("from", IssueStatus.waiting_on_customer.name(),
                                "to", IssueStatus.in_progress.name())));
        return issue;
    }

    /** Closes as the owner ({@code by = owner}) or as the customer through the status page ({@code by = customer}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issue close(Issue issue, Actor actor) {
        if (issue.status == IssueStatus.closed) {
            throw new TransitionRefused(issue.status, "be closed again");
        }
        boolean byCustomer = actor.role() == ActorRole.customer;
        if (!byCustomer) {
            IssueRules.requireOwner(issue, actor, "close it");
        }
        casework.completeNextAction(issue, actor, IssueCasework.Completion.ISSUE_CLOSED);
        closeNow(issue, actor, new IssueChange.Closed(byCustomer ? "customer" : "owner"),
                "Closed by " + (byCustomer ? "the customer" : actor.displayName()));
        return issue;
    }

    /**
     * A resolved issue whose {@code closesAt} passed closes itself (the customer did not say it is not fixed):
     * issue.closed with {@code by: owner, automatic: true}, by the system. Anything else is left as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean closeIfDue(Issue issue) {
        OffsetDateTime now = ServiceClock.now(clock);
        if (issue.status != IssueStatus.resolved || issue.closesAt == null || issue.closesAt.isAfter(now)) {
            return false;
        }
        casework.completeNextAction(issue, Actor.system(), IssueCasework.Completion.ISSUE_CLOSED);
        closeNow(issue, Actor.system(), new IssueChange.Closed("owner", true), "Closed automatically");
        return true;
    }

    private void closeNow(Issue issue, Actor actor, IssueChange.Closed change, String summary) {
        OffsetDateTime now = ServiceClock.now(clock);
        issue.moveTo(IssueStatus.closed, now);
        issue.reopenableUntil = now.plus(settings.reopenWindow());
        journal.record(issue, actor, change, IssueJournal.Entry.publicly(summary, null)
                .with(IssueJournal.facts("automatic", change.automatic() == null ? null : "true")));
    }

    /**
     * Reopens a resolved issue, or a closed one within its reopen window: {@code reason} in the words of who reopened
     * it (an agent's reason, or the customer's own words, or empty), {@code by} customer or agent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issue reopen(Issue issue, String reason, Actor actor) {
        requireReopenable(issue);
        issue.moveTo(IssueStatus.in_progress, ServiceClock.now(clock));
        issue.resolvedAt = null;
        issue.closedAt = null;
        String words = reason == null ? "" : reason.strip();
        boolean byCustomer = actor.role() == ActorRole.customer;
        journal.record(issue, actor, new IssueChange.Reopened(words, byCustomer ? "customer" : "agent"),
                IssueJournal.Entry.publicly("Reopened", words.isEmpty() ? null : words));
        return issue;
    }

    /** Whether the issue may still be reopened: resolved, or closed and before its {@code reopenableUntil}. */
    public boolean withinReopenWindow(Issue issue) {
        return issue.status != IssueStatus.closed || reopenDeadline(issue).isAfter(ServiceClock.now(clock));
    }

    /** Until when a closed issue may be reopened. */
    public OffsetDateTime reopenDeadline(Issue issue) {
        return issue.reopenableUntil != null ? issue.reopenableUntil : issue.closedAt.plus(settings.reopenWindow());
    }

    private void requireReopenable(Issue issue) {
        if (!issue.status.isDone()) {
            throw new TransitionRefused(issue.status, "be reopened");
        }
        if (!withinReopenWindow(issue)) {
            throw new TransitionRefused(issue.status, "Issue " + issue.number + " was closed more than "
                    + settings.reopenWindow() + " ago and can no longer be reopened; open a new issue", List.of());
        }
    }
}
