package dev.anchor.blocks.refusal;

/** The record existed and is gone for good (erased, merged away). */
public class Gone extends RuntimeException {

    public Gone(String detail) {
        super(detail);
    }
}
