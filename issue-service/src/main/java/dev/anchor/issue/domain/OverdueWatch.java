package dev.anchor.issue.domain;

import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.issue.events.out.IssueChange;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Announces, once each, a next action that passed its due time and an SLA clock that ran out. Issues are locked row by
 * row and flagged in the transaction of their event, so several replicas never announce the same thing twice.
 */
@ApplicationScoped
public class OverdueWatch {

    private static final int BATCH = 100;

    private final Issues issues;
    private final IssueJournal journal;
    private final Clock clock;

    public OverdueWatch(Issues issues, IssueJournal journal, Clock clock) {
        this.issues = issues;
        this.journal = journal;
        this.clock = clock;
    }

    @Scheduled(every = "${anchor.issues.overdue-check:30s}", delayed = "${anchor.issues.overdue-check:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void check() {
        OffsetDateTime now = ServiceClock.now(clock);
        for (Issue found : issues.overdueNextActions(now, BATCH)) {
            Issue issue = issues.lock(found.id);
            if (!issue.nextOverdueRaised && issue.nextDueAt != null && issue.nextDueAt.isBefore(now) && !issue.status.isDone()) {
                issue.nextOverdueRaised = true;
                journal.record(issue, Actor.system(),
                        new IssueChange.NextActionOverdue(issue.nextWhat, EventRecords.name(issue.nextWho), issue.nextDueAt),
                        IssueJournal.Entry.internally("Next action overdue: " + issue.nextWhat, null));
            }
        }
        for (Issue found : issues.slaBreaches(now, BATCH)) {
            Issue issue = issues.lock(found.id);
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
    }

    private void breached(Issue issue, String clock, OffsetDateTime dueAt) {
        journal.record(issue, Actor.system(), new IssueChange.SlaBreached(clock, dueAt),
                IssueJournal.Entry.internally("SLA breached: " + clock.replace('_', ' ') + " was due " + dueAt, null));
    }
}
