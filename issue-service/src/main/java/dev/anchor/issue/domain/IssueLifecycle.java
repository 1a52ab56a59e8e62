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
    private final IssueSettings settings;
    private final Clock clock;

    public IssueLifecycle(IssueJournal journal, IssueSettings settings, Clock clock) {
        this.journal = journal;
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
        OffsetDateTime now = ServiceClock.now(clock);
        issue.moveTo(to, now);
        IssueCasework.respond(issue, actor, now);
        journal.record(issue, actor, new IssueChange.StatusChanged(from.name(), to.name()),
                IssueJournal.Entry.publicly("Status: " + to.customerLabel(), null));
        return issue;
    }

    /** The customer answered while the issue waited on them: it is back with us, and the SLA clocks run again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issue customerReplied(Issue issue, Actor customer) {
        issue.moveTo(IssueStatus.in_progress, ServiceClock.now(clock));
        journal.record(issue, customer,
                new IssueChange.StatusChanged(IssueStatus.waiting_on_customer.name(), IssueStatus.in_progress.name()),
                IssueJournal.Entry.publicly("Status: " + IssueStatus.in_progress.customerLabel(), null));
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
        issue.moveTo(IssueStatus.closed, ServiceClock.now(clock));
        journal.record(issue, actor, new IssueChange.Closed(byCustomer ? "customer" : "owner"),
                IssueJournal.Entry.publicly("Closed by " + (byCustomer ? "the customer" : actor.displayName()), null));
        return issue;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issue reopen(Issue issue, String reason, Actor actor) {
        requireReopenable(issue);
        issue.moveTo(IssueStatus.in_progress, ServiceClock.now(clock));
        issue.resolvedAt = null;
        issue.closedAt = null;
        journal.record(issue, actor, new IssueChange.Reopened(reason), IssueJournal.Entry.publicly("Reopened", reason));
        return issue;
    }

    /** Whether a customer's reply can still reopen the issue (else it opens a new, linked one). */
    public boolean withinReopenWindow(Issue issue) {
        return issue.status != IssueStatus.closed || reopenDeadline(issue).isAfter(ServiceClock.now(clock));
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

    private OffsetDateTime reopenDeadline(Issue issue) {
        return issue.closedAt.plus(settings.reopenWindow());
    }
}
