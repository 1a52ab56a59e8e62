package dev.anchor.contact.domain;

import dev.anchor.blocks.replica.VersionedReplicas;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** What contact-service keeps of customer-service's customers (customer.events). */
public interface CustomerReplicas {

    /** The replica of {@code id}, or null when nothing is known of it yet. */
    CustomerReplica find(UUID id);

    void add(CustomerReplica replica);

    /**
     * Takes, until the transaction ends, the lock of each customer in {@code ids} — the one an erasure takes before it
     * removes anything — always in the same order, so two writers never wait for each other in a circle. Take it
     * before reading the customers in the transaction: what is read after it is as committed now. A customer we have
     * not heard of has a lock too.
     */
    void lock(Collection<UUID> ids);

    default void lock(UUID id) {
        lock(List.of(id));
    }

    /** The customer's email addresses are now {@code digests} ({@link EmailDigest}): the ones before are forgotten. */
    void rememberEmails(UUID customerId, Collection<String> digests);

    /** The customers whose addresses include the one with {@code digest}. */
    List<UUID> withEmail(String digest);

    /** The replicas merged into {@code survivor}. */
    List<CustomerReplica> mergedInto(UUID survivor);

    /** Replicas merged into {@code retired} now name {@code survivor}, so a merge is followed in one step. */
    void repointMerges(UUID retired, UUID survivor);

    /** The id everything of {@code customerId} is kept under: the survivor when it was merged into another record. */
    default UUID currentId(UUID customerId) {
        return VersionedReplicas.currentId(customerId, this::find);
    }

    default boolean isErased(UUID customerId) {
        CustomerReplica replica = find(customerId);
        return replica != null && replica.erased();
    }
}
