package dev.anchor.contact.domain;

import java.util.List;
import java.util.UUID;

/** What contact-service keeps of issue-service's issues (issue.events). */
public interface IssueReplicas {

    /** The replica of {@code id}, or null when nothing is known of it yet. */
    IssueReplica find(UUID id);

    void add(IssueReplica replica);

    /** The customer's issues that are neither resolved nor closed, most recently changed first. */
    List<IssueReplica> openOf(UUID customerId);

    /** All the customer's issues, in the order they were opened (their number). */
    List<IssueReplica> ofCustomer(UUID customerId);

    /** The issues of a retired (merged) customer now belong to the survivor. */
    void repoint(UUID retired, UUID survivor);

    /** Deletes the customer's issues (erasure). */
    void forget(UUID customerId);
}
