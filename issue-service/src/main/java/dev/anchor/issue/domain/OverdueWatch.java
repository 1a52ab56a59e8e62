package dev.anchor.issue.domain;

import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.issue.events.out.IssueChange;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Announces, once each, a next action that passed its due time (a step of ours with the new time we now expect it by,
 * {@code anchor.issues.overdue-grace} from now) and an SLA clock that ran out, and closes resolved
 * issues whose {@code closesAt} passed. The batch's customers are
 * locked first (in id order), then its issues row by row, flagged in the transaction of their event, so several
 * replicas never announce the same thing twice.
 */
@ApplicationScoped
public class OverdueWatch {

    private static final int BATCH = 100;

    private final Issues issues;
    private final CustomerLocks locks;
    private final IssueJournal journal;
    private final IssueLifecycle lifecycle;
    private final IssueSettings settings;
    private final Clock clock;

    public OverdueWatch(Issues issues, CustomerLocks locks, IssueJournal journal, IssueLifecycle lifecycle,
                        IssueSettings settings, Clock clock) {
        this.issues = issues;
        this.locks = locks;
        this.journal = journal;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(every = "${anchor.issues.overdue-check:30s}", delayed = "${anchor.issues.overdue-check:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void check() {
        OffsetDateTime now = ServiceClock.now(clock);
        List<Issue> overdue = issues.overdueNextActions(now, BATCH);
        List<Issue> breaching = issues.slaBreaches(now, BATCH);
        List<Issue> closing = issues.dueToClose(now, BATCH);
        // Every customer of the batch first, in id order like every other writer: a merge or an erasure locking two of
        // them never waits on this transaction while it waits on them.
        locks.lockCustomers(Stream.of(overdue, breaching, closing).flatMap(List::stream)
                .map(issue -> issue.customerId).toList());
        for (Issue found : overdue) {
            Issue issue = locks.lockIssue(found.id);
            if (!issue.nextOverdueRaised && issue.nextDueAt != null && issue.nextDueAt.isBefore(now) && !issue.status.isDone()) {
                issue.nextOverdueRaised = true;
                overdue(issue, now);
            }
        }
        for (Issue found : breaching) {
            Issue issue = locks.lockIssue(found.id);
            if (issue.status.isDone() || issue.slaPausedAt != null) {
                continue;
            }
            if (issue.firstResponseAt == null && !issue.firstResponseBreachRaised && issue.firstResponseDueAt.isBefore(now)) {
                issue.firstResponseBreachRaised = true;
                breached(issue, "first_response", issue.firstResponseDueAt);
            }
            if (!issue.resolutionBreachRaised && issue.resolutionDueAt.isBefore(now)) {
                issue.resolutionBreachRaised = true;
                breached(issue, "resolution", issue.resolutionDueAt);
            }
        }
        closeDue(closing);
    }

    /**
     * A step of ours (an agent's or a partner's) that is late gets a new expected time, once, and the customer's page
     * history says it is late; the customer's own late step is only a note for staff (nobody is told off).
     */
    private void overdue(Issue issue, OffsetDateTime now) {
        boolean ours = issue.nextWho != null && issue.nextWho.isOurs();
        Duration grace = settings.overdueGrace();
        OffsetDateTime revised = ours && grace.isPositive() ? now.plus(grace) : null;
        issue.nextRevisedDueAt = revised;
        if (ours) {
            issue.updatedAt = now;
        }
        String summary = "Next action overdue: " + issue.nextWhat + (revised == null ? "" : " (now expected by " + revised + ")");
        IssueJournal.Entry entry = ours
                ? IssueJournal.Entry.publicly(summary, issue.nextWhat).with(IssueJournal.facts(
                        "who", EventRecords.name(issue.nextWho), "dueAt", issue.nextDueAt.toString(),
                        "revisedDueAt", revised == null ? null : revised.toString()))
                : IssueJournal.Entry.internally(summary, null);
        journal.record(issue, Actor.system(), new IssueChange.NextActionOverdue(issue.nextWhat,
                EventRecords.name(issue.nextWho), issue.nextDueAt, revised), entry);
    }

    /** Resolved issues past their {@code closesAt} close themselves (issue.closed, automatic). */
    private void closeDue(List<Issue> closing) {
        for (Issue found : closing) {
            lifecycle.closeIfDue(locks.lockIssue(found.id));
        }
    }

    private void breached(Issue issue, String clock, OffsetDateTime dueAt) {
        journal.record(issue, Actor.system(), new IssueChange.SlaBreached(clock, dueAt),
                IssueJournal.Entry.internally("SLA breached: " + clock.replace('_', ' ') + " was due " + dueAt, null));
    }
}
