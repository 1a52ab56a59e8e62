package dev.anchor.blocks.refusal;

/** A well-formed request the rules refuse (422): it would break an invariant or changes nothing. */
public class Refused extends RuntimeException {

    public Refused(String detail) {
        super(detail);
    }
}
