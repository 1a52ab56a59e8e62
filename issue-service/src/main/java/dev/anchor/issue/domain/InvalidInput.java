package dev.anchor.issue.domain;

import java.util.List;

/** Values the domain's rules refuse (a due time in the past, a refund without amount), field by field: answered 400. */
public class InvalidInput extends RuntimeException {

    /** One refused value: the request field it came from, and what is wrong with it. */
    public record Field(String field, String message) {
    }

    private final List<Field> fields;

    public InvalidInput(String detail, List<Field> fields) {
        super(detail);
        this.fields = List.copyOf(fields);
    }

    /** One field, with the detail the API gives every invalid field. */
    public static InvalidInput field(String field, String message) {
        return new InvalidInput("The request has invalid fields", List.of(new Field(field, message)));
    }

    public List<Field> fields() {
        return fields;
    }
}
