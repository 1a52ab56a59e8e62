package dev.anchor.notification.domain;

import java.util.UUID;

/** The issues notification-service knows from issue.events (kept in persistence/). */
public interface IssueReplicas {

    /** The replica, or null when the issue is not known. */
    IssueReplica byId(UUID id);

    void add(IssueReplica replica);

    /** Drops what the customer's issues say (title, status-page link): an erasure. Number and state remain. */
    void forgetPersonalData(UUID customerId);

    /** The issues of {@code retired} belong to {@code survivor} (a merge). */
    void moveToCustomer(UUID retired, UUID survivor);
}
