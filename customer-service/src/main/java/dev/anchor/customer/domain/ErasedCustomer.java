package dev.anchor.customer.domain;

import java.util.UUID;

/** The customer's personal data was erased: only the id remains, and nothing can be done with it any more. */
public class ErasedCustomer extends RuntimeException {

    public ErasedCustomer(UUID id) {
        super("Customer " + id + " was erased");
    }
}
