package dev.anchor.issue.domain;

import dev.anchor.blocks.http.Paging;

/** The directory's entries, as the domain keeps and finds them (queried in persistence/). */
public interface LocationStore {

    /** The entry, or null. */
    Location byId(String id);

    /** Holds {@code id} for this transaction, so two creates of the same id are one after the other (the second: 409). */
    void lockId(String id);

    void add(Location location);

    void flush();

    /** Entries sorted by id. */
    Paging.Page<Location> list(Paging paging);
}
