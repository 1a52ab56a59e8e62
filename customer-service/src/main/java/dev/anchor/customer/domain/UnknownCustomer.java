package dev.anchor.customer.domain;

import java.util.UUID;

/** No customer has this id. */
public class UnknownCustomer extends RuntimeException {

    private final UUID id;

    public UnknownCustomer(UUID id) {
        super("Customer " + id + " does not exist");
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
