package dev.anchor.notification.domain;

import dev.anchor.blocks.replica.VersionedReplicas;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The customers notification-service knows from customer.events (kept in persistence/). */
public interface CustomerContacts {

    /** The replica, or null when the customer is not known. */
    CustomerContact byId(UUID id);

    void add(CustomerContact contact);

    /** The active customers whose number is {@code number} (E.164, as customer.events carry it), by id. */
    List<UUID> activeWithPhone(String number);

    /**
     * Takes, until the transaction ends, the lock of each customer in {@code ids} — the one an erasure takes before it
     * removes anything — always in the same order, so two writers never wait for each other in a circle. Take it
     * before reading the customer or their messages in the transaction (or read them again after it): what is read
     * after it is as committed now. A customer we have not heard of has a lock too.
     */
    void lock(Collection<UUID> ids);

    default void lock(UUID id) {
        lock(List.of(id));
    }

    /** The customer to write to for {@code id}, following merges; empty when unknown. */
    default Optional<CustomerContact> resolve(UUID id) {
        return VersionedReplicas.resolve(id, this::byId);
    }
}
