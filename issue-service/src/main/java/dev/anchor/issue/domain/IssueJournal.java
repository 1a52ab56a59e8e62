package dev.anchor.issue.domain;

import dev.anchor.issue.messaging.IssueEvents;
import dev.anchor.issue.persistence.TimelineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Every change to an issue goes through here: the issue is flushed (its version moves on), the change is appended to
 * the audit trail, and its event is written to the outbox — all in the caller's transaction.
 */
@ApplicationScoped
public class IssueJournal {

    private final EntityManager em;
    private final TimelineRepository timeline;
    private final IssueEvents events;
    private final CustomerErasure erasure;

    public IssueJournal(EntityManager em, TimelineRepository timeline, IssueEvents events, CustomerErasure erasure) {
        this.em = em;
        this.timeline = timeline;
        this.events = events;
        this.erasure = erasure;
    }

    /** One entry of the trail for a change: what it reads like, and who may see it. */
    public record Entry(Visibility visibility, String summary, String detail, Handoff handoff) {

        public Entry(Visibility visibility, String summary, String detail) {
            this(visibility, summary, detail, null);
        }

        /** The same entry, recording the facts of a handoff as well. */
        public Entry with(Handoff handoff) {
            return new Entry(visibility, summary, detail, handoff);
        }

        public static Entry publicly(String summary, String detail) {
            return new Entry(Visibility.PUBLIC, summary, detail);
        }

        public static Entry internally(String summary, String detail) {
            return new Entry(Visibility.INTERNAL, summary, detail);
        }
    }

    /** Who owns the issue after a handoff, who had it before, and when they are back (or null). */
    public record Handoff(String ownerName, String previousOwnerName, java.time.OffsetDateTime previousOwnerBackAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry record(Issue issue, Actor actor, String type, Object change, Entry entry) {
        return record(issue, actor, type, change, entry, UUID.randomUUID());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry record(Issue issue, Actor actor, String type, Object change, Entry entry, UUID entryId) {
        em.flush();
        TimelineEntry line = append(issue.id, actor, type, entry, entryId);
        events.publish(type, issue, change, actor);
        return line;
    }

    /** Something that happened elsewhere (a contact, a notification) and is only put on the trail. */
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
        line.at = Clocks.now();
        if (entry.handoff() != null) {
            line.ownerName = entry.handoff().ownerName();
            line.previousOwnerName = entry.handoff().previousOwnerName();
            line.previousOwnerBackAt = entry.handoff().previousOwnerBackAt();
        }
        timeline.persist(line);
        if (erasure.customerErased(issueId)) {
            // Arrived after the customer was erased (a late contact or notification, a comment): keep no personal text.
            erasure.eraseEntries(issueId, line.at);
        }
        return line;
    }
}
