package dev.anchor.issue.domain;

import java.util.UUID;

/** The customers issue-service knows from customer.events (kept in persistence/). */
public interface CustomerReplicas {

    /** The replica, or null when the customer is not known. */
    CustomerReplica byId(UUID id);

    void add(CustomerReplica replica);
}
