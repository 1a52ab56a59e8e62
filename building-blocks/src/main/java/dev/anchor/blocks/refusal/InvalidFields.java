package dev.anchor.blocks.refusal;

import java.util.List;

/** Fields that break a rule the request's own validation cannot express (two primaries, duplicates, …). */
public class InvalidFields extends RuntimeException {

    /** A JSON path such as {@code emails[1].address}, and what is wrong with it. */
    public record Field(String field, String message) {
    }

    private final List<Field> fields;

    public InvalidFields(List<Field> fields) {
        super("Invalid fields: " + fields);
        this.fields = List.copyOf(fields);
    }

    public static InvalidFields of(String field, String message) {
        return new InvalidFields(List.of(new Field(field, message)));
    }

    public List<Field> fields() {
        return fields;
    }
}
