package dev.anchor.contact.domain;

/** A correction that would leave the contact as it is: refused, so the audit trail holds only real changes. */
public class NothingChanged extends RuntimeException {

    public NothingChanged(String detail) {
        super(detail);
    }
}
