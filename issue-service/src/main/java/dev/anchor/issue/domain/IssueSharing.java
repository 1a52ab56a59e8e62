package dev.anchor.issue.domain;

import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.issue.events.out.IssueChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Which locations (stores, repair partners) an issue is shared with: their partners see it. Sharing again, or ending a
 * share that does not exist, changes nothing; each real change publishes issue.shared or issue.unshared.
 */
@ApplicationScoped
public class IssueSharing {

    private final IssueJournal journal;
    private final Clock clock;

    public IssueSharing(IssueJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** The owner, a supervisor or the system shares the issue with {@code locationId}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issue share(Issue issue, String locationId, Actor actor) {
        IssueRules.requireMayShare(issue, actor, "share it with a location");
        return shareAsPartOfChange(issue, Locations.require("locationId", locationId), actor);
    }

    /** The owner, a supervisor or the system ends the share with {@code locationId}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issue unshare(Issue issue, String locationId, Actor actor) {
        IssueRules.requireMayShare(issue, actor, "end a share");
        String location = Locations.require("locationId", locationId);
        if (!issue.locations.remove(location)) {
            return issue; // not shared with it: nothing changes, nothing is recorded or published
        }
        if (location.equals(issue.locationId)) {
            // Readers that know only locationId add it from every newer state: it must not outlive its share.
            issue.locationId = null;
        }
        issue.updatedAt = ServiceClock.now(clock);
        journal.record(issue, actor, new IssueChange.Unshared(location),
                IssueJournal.Entry.internally("No longer shared with " + location, null));
        return issue;
    }

    /** Shares the issue with a location a change of the caller's named (a next action's place), once. */
    @Transactional(Transactional.TxType.MANDATORY)
    Issue shareAsPartOfChange(Issue issue, String locationId, Actor actor) {
        if (!issue.locations.add(locationId)) {
            return issue; // already shared with it: nothing changes, nothing is recorded or published
        }
        issue.updatedAt = ServiceClock.now(clock);
        journal.record(issue, actor, new IssueChange.Shared(locationId),
                IssueJournal.Entry.internally("Shared with " + locationId, null));
        return issue;
    }
}
