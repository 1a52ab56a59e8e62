package dev.anchor.customer.events.out;

import dev.anchor.blocks.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The events of customer.events, written to the outbox in the transaction of the change. */
@ApplicationScoped
public class CustomerEvents {

    public static final String TOPIC = "customer.events";

    private final Outbox outbox;

    public CustomerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void registered(CustomerState customer) {
        outbox.record(TOPIC, "customer.registered", customer.id(), new CustomerChanged(customer, List.of()));
    }

    public void updated(CustomerState customer, List<String> changed) {
        outbox.record(TOPIC, "customer.updated", customer.id(), new CustomerChanged(customer, changed));
    }

    public void preferencesChanged(CustomerState customer) {
        outbox.record(TOPIC, "customer.preferences-changed", customer.id(),
                new CustomerChanged(customer, List.of("preferences")));
    }

    public void merged(CustomerState survivor, UUID retiredId) {
        outbox.record(TOPIC, "customer.merged", survivor.id(), new CustomerMerged(survivor.id(), retiredId, survivor));
    }

    public void erased(CustomerErased erasure) {
        outbox.record(TOPIC, "customer.erased", erasure.customerId(), erasure);
    }

    /** Keyed by the customer like every other customer event, so it is read after the changes before it. */
    public void exportRequested(ExportRequested request) {
        outbox.record(TOPIC, "customer.export-requested", request.customerId(), request);
    }
}
