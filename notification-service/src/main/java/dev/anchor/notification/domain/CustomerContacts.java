package dev.anchor.notification.domain;

import dev.anchor.blocks.replica.VersionedReplicas;

import java.util.Optional;
import java.util.UUID;

/** The customers notification-service knows from customer.events (kept in persistence/). */
public interface CustomerContacts {

    /** The replica, or null when the customer is not known. */
    CustomerContact byId(UUID id);

    void add(CustomerContact contact);

    /** The customer to write to for {@code id}, following merges; empty when unknown. */
    default Optional<CustomerContact> resolve(UUID id) {
        return VersionedReplicas.resolve(id, this::byId);
    }
}
