package dev.anchor.customer.domain;

/** The change is well-formed but breaks a rule of the customer record (e.g. a preferred channel without an address). */
public class ChangeRefused extends RuntimeException {

    public ChangeRefused(String detail) {
        super(detail);
    }
}
