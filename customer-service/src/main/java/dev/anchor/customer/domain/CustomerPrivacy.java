package dev.anchor.customer.domain;

import dev.anchor.blocks.refusal.Conflict;
import dev.anchor.blocks.refusal.NotFound;
import dev.anchor.blocks.idempotency.IdempotentCreates;
import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.customer.events.out.CustomerErased;
import dev.anchor.customer.events.out.CustomerEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A customer's GDPR rights: to see everything held about them (export) and to have it erased. */
@ApplicationScoped
public class CustomerPrivacy {

    private final Customers customers;
    private final ExportJobs exports;
    private final IssueShares shares;
    private final CustomerEvents events;
    private final IdempotentCreates idempotency;
    private final Clock clock;

    public CustomerPrivacy(Customers customers, ExportJobs exports, IssueShares shares, CustomerEvents events,
                           IdempotentCreates idempotency, Clock clock) {
        this.customers = customers;
        this.exports = exports;
        this.shares = shares;
        this.events = events;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * GDPR erasure of the customer and of every record merged into it, with their exports; the ids stay so references
     * hold.
     */
    @Transactional
    public void erase(UUID id) {
        // locked, so an issue shared with them meanwhile waits and then finds them erased (and keeps nothing)
        Customer customer = customers.byIdForUpdate(id).orElseThrow(() -> new NotFound("Customer", id));
        if (customer.status == CustomerStatus.erased) {
            return;
        }
        if (customer.status == CustomerStatus.merged) {
            throw new Conflict("Customer " + id + " was merged into " + customer.mergedInto + "; erase that record");
        }
        OffsetDateTime now = ServiceClock.now(clock);
        List<UUID> merged = new ArrayList<>();
        for (Customer retired : customers.mergedInto(id)) {
            retired.erase(now);
            idempotency.forget(retired.id);
            merged.add(retired.id);
        }
        customer.erase(now);
        idempotency.forget(customer.id);
        // exports are copies of what every service held about them: they go with the record
        List<UUID> erased = new ArrayList<>(merged);
        erased.add(customer.id);
        exports.deleteFor(erased);
        // nothing is kept about them, not even which locations their issues were shared with
        shares.deleteFor(erased);
        customers.flush();
        events.erased(new CustomerErased(customer.id, merged, now));
    }

    /** customer-service's own record of the customer, for the deprecated synchronous export. */
    @Transactional
    public CustomerExport export(UUID id) {
        Customer customer = customers.active(id);
        return new CustomerExport(ServiceClock.now(clock), customer, customers.mergedInto(id));
    }
}
