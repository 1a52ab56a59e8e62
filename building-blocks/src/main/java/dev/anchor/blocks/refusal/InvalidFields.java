package dev.anchor.blocks.refusal;

import java.util.List;

/** Fields that break a rule the request's own validation cannot express (two primaries, duplicates, …). */
public class InvalidFields extends RuntimeException {

    /** A JSON path such as {@code emails[1].address}, and what is wrong with it. */
    public record Field(String field, String message) {
    }

    private final List<Field> fields;

    public InvalidFields(List<Field> fields) {
        this("The request has invalid fields", fields);
    }

    /** With a detail that says what the fields have in common (e.g. "The action is incomplete"). */
    public InvalidFields(String detail, List<Field> fields) {
        super(detail);
        this.fields = List.copyOf(fields);
    }

    public static InvalidFields of(String field, String message) {
        return new InvalidFields(List.of(new Field(field, message)));
    }

    public List<Field> fields() {
        return fields;
    }
}
