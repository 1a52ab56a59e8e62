package dev.anchor.issue.domain;

import java.util.UUID;

/** The customers issue-service knows from customer.events (kept in persistence/). */
public interface CustomerReplicas {

    /** The replica, or null when the customer is not known. */
    CustomerReplica byId(UUID id);

    /**
     * The replica row locked for the rest of the transaction and read afresh ({@code select … for update}), or null when
     * the customer is not known. Call it before changing the replica in the transaction.
     */
    CustomerReplica lock(UUID id);

    void add(CustomerReplica replica);
}
