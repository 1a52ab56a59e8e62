package dev.anchor.blocks.refusal;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Input the domain reads itself (a merge patch, a document) that is not what it must be. */
public class UnreadableInput extends RuntimeException {

    public UnreadableInput(String detail) {
        super(detail);
    }

    public UnreadableInput(JsonProcessingException cause) {
        super(cause.getOriginalMessage(), cause);
    }

    /** The Jackson failure naming the field, when that is why. */
    public JsonProcessingException jsonFailure() {
        return getCause() instanceof JsonProcessingException json ? json : null;
    }
}
