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

    public CustomerDirectory(CustomerReplicas customers) {
        this.customers = customers;
    }

    /** The active customer an issue can be opened for: a merged record leads to its survivor; else refused. */
    public CustomerReplica requireActive(UUID customerId) {
        CustomerReplica customer = VersionedReplicas.resolve(customerId, customers::byId)
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
