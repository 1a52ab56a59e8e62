package dev.anchor.issue.domain;

import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.issue.events.out.IssueChange;
import dev.anchor.issue.events.out.IssueEventWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Every change to an issue goes through here: the issue is flushed (its version moves on), the change is appended to
 * the audit trail, and its event is written to the outbox — all in the caller's transaction.
 */
@ApplicationScoped
public class IssueJournal {

    private final Issues issues;
    private final TimelineEntries timeline;
    private final IssueEventWriter events;
    private final CustomerErasure erasure;
    private final Clock clock;

    public IssueJournal(Issues issues, TimelineEntries timeline, IssueEventWriter events, CustomerErasure erasure,
                        Clock clock) {
        this.issues = issues;
        this.timeline = timeline;
        this.events = events;
        this.erasure = erasure;
        this.clock = clock;
    }

    /** One entry of the trail for a change: what it reads like, and who may see it. */
    public record Entry(Visibility visibility, String summary, String detail, Owners owners, Map<String, String> facts) {

        public Entry(Visibility visibility, String summary, String detail) {
            this(visibility, summary, detail, null, null);
        }

        public Entry(Visibility visibility, String summary, String detail, Owners owners) {
            this(visibility, summary, detail, owners, null);
        }

        /** The same entry, recording the owners of a handoff as well. */
        public Entry with(Owners owners) {
            return new Entry(visibility, summary, detail, owners, facts);
        }

        /** The same entry with the facts the customer's page words itself (null values left out). */
        public Entry with(Map<String, String> facts) {
            Map<String, String> kept = new java.util.TreeMap<>();
            facts.forEach((key, value) -> {
                if (value != null) {
                    kept.put(key, value);
                }
            });
            return new Entry(visibility, summary, detail, owners, kept.isEmpty() ? null : kept);
        }

        public static Entry publicly(String summary, String detail) {
            return new Entry(Visibility.PUBLIC, summary, detail);
        }

        public static Entry internally(String summary, String detail) {
            return new Entry(Visibility.INTERNAL, summary, detail);
        }
    }

    /** Facts as key, value, key, value…; a null value is left out. */
    public static Map<String, String> facts(String... keysAndValues) {
        Map<String, String> facts = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            facts.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return facts;
    }

    /** Who owns the issue after a handoff, who had it before, and when they are back (or null). */
    public record Owners(String ownerName, String previousOwnerName, OffsetDateTime previousOwnerBackAt) {
    }

    /** Records {@code change}: on the trail as its event type, and as that event on issue.events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry record(Issue issue, Actor actor, IssueChange change, Entry entry) {
        return record(issue, actor, change, entry, UUID.randomUUID());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry record(Issue issue, Actor actor, IssueChange change, Entry entry, UUID entryId) {
        issues.flush();
        TimelineEntry line = append(issue.id, actor, IssueChange.type(change), entry, entryId);
        events.write(EventRecords.issue(issue), change, EventRecords.actor(actor));
        return line;
    }

    /**
     * Something that happened elsewhere (a contact, a notification) and is only put on the trail. The caller holds the
     * issue's lock taken through {@link CustomerLocks}, so whether its customer was erased is settled.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry append(UUID issueId, Actor actor, String kind, Entry entry, UUID entryId) {
        TimelineEntry line = new TimelineEntry();
        line.id = entryId;
        line.issueId = issueId;
        line.kind = kind;
        line.visibility = entry.visibility().wire();
        line.actorRole = actor.role().name();
        line.actorId = actor.id();
        line.actorName = actor.displayName();
        line.channel = actor.channel();
        line.summary = entry.summary();
        line.detail = entry.detail();
        line.at = ServiceClock.now(clock);
        line.facts = entry.facts();
        if (entry.owners() != null) {
            line.ownerName = entry.owners().ownerName();
            line.previousOwnerName = entry.owners().previousOwnerName();
            line.previousOwnerBackAt = entry.owners().previousOwnerBackAt();
        }
        if (erasure.customerErased(issueId)) {
            // Arrived after the customer was erased (a late contact or notification, a comment): keep no personal text.
            erasure.redact(line, line.at);
        }
        timeline.add(line);
        return line;
    }
}
