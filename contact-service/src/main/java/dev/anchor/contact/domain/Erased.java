package dev.anchor.contact.domain;

/** The customer was erased: nothing more is recorded about them, and what remains of their contacts is frozen. */
public class Erased extends RuntimeException {

    public Erased(String detail) {
        super(detail);
    }
}
