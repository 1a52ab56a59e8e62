package dev.anchor.contact.domain;

/** An event whose data does not follow its contract: it is logged and skipped, never half-applied. */
public class MalformedEvent extends RuntimeException {

    public MalformedEvent(String message) {
        super(message);
    }
}
