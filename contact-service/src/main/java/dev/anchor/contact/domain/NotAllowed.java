package dev.anchor.contact.domain;

/** The caller may not do this, whatever the data: a partner writing internal notes or at another location. */
public class NotAllowed extends RuntimeException {

    public NotAllowed(String detail) {
        super(detail);
    }
}
