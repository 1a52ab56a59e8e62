package dev.anchor.customer.domain;

import java.util.Collection;
import java.util.UUID;

/** Which locations customers' issues are shared with (implemented in persistence/). */
public interface IssueShares {

    /** The issue of {@code customerId} is shared with {@code locationId}; sharing it again changes nothing. */
    void add(UUID customerId, UUID issueId, String locationId);

    /** The issue is no longer shared with {@code locationId}. */
    void remove(UUID issueId, String locationId);

    /** The shares of these records now belong to {@code survivor} (a merge). */
    void moveTo(Collection<UUID> customerIds, UUID survivor);

    /** Forgets every share of these records (an erasure). */
    void deleteFor(Collection<UUID> customerIds);

    /** Whether an issue of the active customer {@code customerId}, or of a record merged into it, is shared with it. */
    boolean sharedWith(UUID customerId, String locationId);
}
