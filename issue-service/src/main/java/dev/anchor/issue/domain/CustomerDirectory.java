package dev.anchor.issue.domain;

import dev.anchor.blocks.problem.Problems;
import dev.anchor.issue.persistence.CustomerReplicaRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** The customers issue-service knows from customer.events. */
@ApplicationScoped
public class CustomerDirectory {

    private final CustomerReplicaRepository customers;

    public CustomerDirectory(CustomerReplicaRepository customers) {
        this.customers = customers;
    }

    /** The active customer an issue can be opened for: a merged record leads to its survivor; else 422. */
    public CustomerReplica requireActive(UUID customerId) {
        CustomerReplica customer = customers.findById(customerId);
        for (int hops = 0; customer != null && customer.mergedInto != null && hops < 10; hops++) {
            customer = customers.findById(customer.mergedInto);
        }
        if (customer == null) {
            throw Problems.unprocessable("Customer " + customerId + " is not known to issue-service");
        }
        if (!customer.isActive()) {
            throw Problems.unprocessable("Customer " + customerId + " was " + customer.status + "; no issue can be opened");
        }
        return customer;
    }

    public Optional<CustomerReplica> find(UUID customerId) {
        return Optional.ofNullable(customers.findById(customerId));
    }
}
