package dev.anchor.blocks.refusal;

/** The request cannot apply to the record as it stands now (a state, not a version, stands in the way). */
public class Conflict extends RuntimeException {

    public Conflict(String detail) {
        super(detail);
    }
}
