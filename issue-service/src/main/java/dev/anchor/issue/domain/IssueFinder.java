package dev.anchor.issue.domain;

import dev.anchor.blocks.refusal.NotFound;

import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.time.ServiceClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/** Finds issues: by id or by the number the customer reads out (an unknown one is {@link NotFound}), by filter, and their trail. */
@ApplicationScoped
public class IssueFinder {

    private final Issues issues;
    private final TimelineEntries timeline;
    private final CustomerLocks locks;
    private final Clock clock;

    public IssueFinder(Issues issues, TimelineEntries timeline, CustomerLocks locks, Clock clock) {
        this.issues = issues;
        this.timeline = timeline;
        this.locks = locks;
        this.clock = clock;
    }

    public Issue get(String idOrNumber) {
        UUID id = parseUuid(idOrNumber);
        if (id != null) {
            return get(id);
        }
        String number = idOrNumber == null ? null : IssueNumbers.normalise(idOrNumber);
        if (number == null) {
            throw new NotFound("Issue", idOrNumber);
        }
        return issues.byNumber(number).orElseThrow(() -> new NotFound("Issue", idOrNumber));
    }

    public Issue get(UUID id) {
        Issue issue = issues.byId(id);
        if (issue == null) {
            throw new NotFound("Issue", id);
        }
        return issue;
    }

    /**
     * The issue to change, locked for this transaction after its customer ({@link CustomerLocks}); the caller checks
     * the version it expected.
     */
    public Issue forUpdate(String idOrNumber) {
        return locks.lockIssue(get(idOrNumber).id);
    }

    /** Issues matching {@code filter}, newest first; overdue as of now. */
    public Paging.Page<Issue> search(IssueFilter filter, Paging paging) {
        return issues.search(filter, paging, ServiceClock.now(clock));
    }

    /** The issue's trail, oldest first; only its public entries unless {@code withInternal}. */
    public Paging.Page<TimelineEntry> timeline(Issue issue, boolean withInternal, Paging paging) {
        return timeline.of(issue.id, withInternal, paging);
    }

    private static UUID parseUuid(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
