package dev.anchor.blocks.refusal;

/** The caller may not do this, whatever the state of the record. */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String detail) {
        super(detail);
    }
}
