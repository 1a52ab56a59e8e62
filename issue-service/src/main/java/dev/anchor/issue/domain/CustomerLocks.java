package dev.anchor.issue.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The locks every writer of text about a customer takes, always in one order: the customer's replica row first (several
 * in id order), then the issue's row. Erasure takes the same replica lock before it erases, so a change, contact or
 * message either commits before the erasure begins (and is erased by it) or waits and then sees the customer erased.
 */
@ApplicationScoped
public class CustomerLocks {

    private final Issues issues;
    private final CustomerReplicas customers;

    public CustomerLocks(Issues issues, CustomerReplicas customers) {
        this.issues = issues;
        this.customers = customers;
    }

    /**
     * The issue locked for this transaction, after its customer's replica row, as committed once both locks are held
     * (null when there is no such issue): a writer that waited for an erasure then sees the issue as the erasure left
     * it. A merge that moved the issue to another customer meanwhile means the wrong customer was locked: stale, so
     * the change is tried again (412 for a request, another attempt for an event).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issue lockIssue(UUID issueId) {
        Issue issue = issues.byId(issueId);
        if (issue == null) {
            return null;
        }
        UUID customerId = issue.customerId;
        customers.lock(customerId);
        Issue locked = issues.lock(issueId);
        if (locked != null && !customerId.equals(locked.customerId)) {
            throw new OptimisticLockException("Issue " + issueId + " moved to another customer while it was being changed");
        }
        return locked;
    }

    /** The customer's replica row locked for this transaction, as it is now (null when the customer is not known). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CustomerReplica lockCustomer(UUID customerId) {
        return customers.lock(customerId);
    }

    /** Several customers' replica rows, in id order so two transactions never wait on each other in a circle. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockCustomers(Collection<UUID> customerIds) {
        new TreeSet<>(customerIds).forEach(customers::lock);
    }
}
