package dev.anchor.issue.domain;

import dev.anchor.blocks.refusal.Refused;

import dev.anchor.blocks.replica.VersionedReplicas;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** The customers issue-service knows from customer.events. */
@ApplicationScoped
public class CustomerDirectory {

    private final CustomerReplicas customers;
    private final CustomerLocks locks;

    public CustomerDirectory(CustomerReplicas customers, CustomerLocks locks) {
        this.customers = customers;
        this.locks = locks;
    }

    /**
     * The active customer an issue can be opened for: a merged record leads to its survivor; else refused. Its replica
     * row stays locked for the transaction, so an erasure cannot pass the new issue by.
     */
    public CustomerReplica requireActive(UUID customerId) {
        CustomerReplica customer = VersionedReplicas.resolve(customerId, customers::byId)
                .map(found -> locks.lockCustomer(found.id))
                .orElseThrow(() -> new Refused("Customer " + customerId + " is not known to issue-service"));
        if (!customer.isActive()) {
            throw new Refused("Customer " + customerId + " was " + customer.status + "; no issue can be opened");
        }
        return customer;
    }

    public Optional<CustomerReplica> find(UUID customerId) {
        return Optional.ofNullable(customers.byId(customerId));
    }
}
