package dev.anchor.contact.domain;

/** A field breaks a rule Bean Validation cannot express; {@code field} is its JSON path in the request. */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
