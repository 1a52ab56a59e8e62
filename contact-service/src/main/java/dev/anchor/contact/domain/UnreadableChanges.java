package dev.anchor.contact.domain;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The changes of an amendment, merged into the contact, do not make a contact (a wrong type or an unknown field). */
public class UnreadableChanges extends RuntimeException {

    private final JsonProcessingException reading;

    public UnreadableChanges(JsonProcessingException reading) {
        super(reading.getOriginalMessage(), reading);
        this.reading = reading;
    }

    /** What Jackson found, with the path of the offending field. */
    public JsonProcessingException reading() {
        return reading;
    }
}
