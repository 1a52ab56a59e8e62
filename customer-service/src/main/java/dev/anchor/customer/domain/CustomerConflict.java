package dev.anchor.customer.domain;

/** The change contradicts the state the record is in (merged into another, or not active). */
public class CustomerConflict extends RuntimeException {

    public CustomerConflict(String detail) {
        super(detail);
    }
}
