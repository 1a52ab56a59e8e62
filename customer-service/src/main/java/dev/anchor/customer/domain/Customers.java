package dev.anchor.customer.domain;

import dev.anchor.blocks.refusal.Conflict;
import dev.anchor.blocks.refusal.NotFound;
import dev.anchor.blocks.refusal.Gone;
import dev.anchor.blocks.http.Paging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where customers are kept (implemented in persistence/). */
public interface Customers {

    Optional<Customer> byId(UUID id);

    /** The record, locked for this transaction's change (a concurrent change of it waits, then reads this one's). */
    Optional<Customer> byIdForUpdate(UUID id);

    /** Stores a new customer now, so its version is known. */
    void add(Customer customer);

    /** Writes pending changes now, so the version an event carries is the stored one. */
    void flush();

    /** Active customers matching every given filter that {@code scope} may read, ordered by name. */
    Paging.Page<Customer> search(SearchCriteria criteria, PartnerScope scope, Paging paging);

    /** Records earlier merged into {@code survivor}: the same person. */
    List<Customer> mergedInto(UUID survivor);

    /** The record in whatever state it is. */
    default Customer existing(UUID id) {
        return byId(id).orElseThrow(() -> new NotFound("Customer", id));
    }

    /** The record, which must be active to be changed: a merged one is a conflict, an erased one is gone. */
    default Customer active(UUID id) {
        Customer customer = existing(id);
        return switch (customer.status) {
            case active -> customer;
            case merged -> throw new Conflict("Customer " + id + " was merged into " + customer.mergedInto);
            case erased -> throw new Gone("Customer " + id + " was erased");
        };
    }
}
