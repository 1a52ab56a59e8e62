package dev.anchor.customer.messaging;

import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.anchor.blocks.outbox.Outbox;
import dev.anchor.customer.domain.Customer;
import dev.anchor.customer.domain.CustomerState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
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

    public void registered(Customer customer) {
        outbox.record(TOPIC, "customer.registered", customer.id, new Changed(CustomerState.of(customer), List.of()));
    }

    public void updated(Customer customer, List<String> changed) {
        outbox.record(TOPIC, "customer.updated", customer.id, new Changed(CustomerState.of(customer), changed));
    }

    public void preferencesChanged(Customer customer) {
        outbox.record(TOPIC, "customer.preferences-changed", customer.id,
                new Changed(CustomerState.of(customer), List.of("preferences")));
    }

    public void merged(Customer survivor, UUID retiredId) {
        outbox.record(TOPIC, "customer.merged", survivor.id, new Merged(survivor.id, retiredId, CustomerState.of(survivor)));
    }

    public void erased(UUID customerId, List<UUID> alsoErased, OffsetDateTime erasedAt) {
        outbox.record(TOPIC, "customer.erased", customerId, new Erased(customerId, alsoErased, erasedAt));
    }

    /** The customer's state after the change and the top-level fields that changed. */
    @RegisterForReflection
    public record Changed(CustomerState customer, List<String> changed) {
    }

    /** The retired record's id now belongs to the survivor; its details were folded into it. */
    @RegisterForReflection
    public record Merged(UUID survivorId, UUID retiredId, CustomerState customer) {
    }

    /** Every service drops this customer's personal data (and that of records merged into it). */
    @RegisterForReflection
    public record Erased(UUID customerId, List<UUID> mergedIds, OffsetDateTime erasedAt) {
    }
}
