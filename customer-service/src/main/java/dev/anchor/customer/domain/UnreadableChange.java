package dev.anchor.customer.domain;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A change that cannot be read as a customer draft: not an object, or a field of the wrong name, type or format. */
public class UnreadableChange extends RuntimeException {

    public UnreadableChange(String detail) {
        super(detail);
    }

    public UnreadableChange(JsonProcessingException cause) {
        super(cause.getOriginalMessage(), cause);
    }

    /** The Jackson failure naming the field, when that is why. */
    public JsonProcessingException jsonFailure() {
        return getCause() instanceof JsonProcessingException json ? json : null;
    }
}
