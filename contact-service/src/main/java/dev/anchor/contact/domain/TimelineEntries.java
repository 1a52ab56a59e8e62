package dev.anchor.contact.domain;

import dev.anchor.blocks.http.Paging;

import java.util.List;
import java.util.UUID;

/** The lines of the customers' timelines. */
public interface TimelineEntries {

    /** The entry of {@code id}, or null when there is none. */
    TimelineEntry find(UUID id);

    void add(TimelineEntry entry);

    /** The entries matching every given filter, newest first. */
    Paging.Page<TimelineEntry> page(TimelineFilter filter, Paging paging);

    /** All the customer's entries, oldest first. */
    List<TimelineEntry> ofCustomer(UUID customerId);

    /** The entries of a retired (merged) customer now belong to the survivor. */
    void repoint(UUID retired, UUID survivor);

    /** Deletes the customer's entries (erasure). */
    void forget(UUID customerId);
}
