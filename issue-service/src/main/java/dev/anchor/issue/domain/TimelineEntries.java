package dev.anchor.issue.domain;

import dev.anchor.blocks.http.Paging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The issues' append-only audit trail (kept in persistence/). */
public interface TimelineEntries {

    /** An issue's trail, oldest first; only public entries unless {@code withInternal}. */
    Paging.Page<TimelineEntry> of(UUID issueId, boolean withInternal, Paging paging);

    /** An issue's public entries, oldest first. */
    List<TimelineEntry> publicOf(UUID issueId);

    /** An issue's whole trail, public and internal, oldest first. */
    List<TimelineEntry> allOf(UUID issueId);

    /** When the issue's latest entry of {@code kind} by an actor of {@code role} was made, if any. */
    Optional<OffsetDateTime> lastAt(UUID issueId, String kind, ActorRole role);

    void add(TimelineEntry entry);

    /**
     * Erases the issue's entries not erased yet (once per entry, the only change the trail accepts): their detail goes,
     * a customer's own name goes, and every summary becomes {@code erased} unless the entry's kind is in {@code keepSummaryOf}.
     * @return how many entries were erased
     */
    int erase(UUID issueId, List<String> keepSummaryOf, String erased, OffsetDateTime now);
}
