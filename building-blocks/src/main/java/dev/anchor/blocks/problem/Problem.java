package dev.anchor.blocks.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem detail, with field-level {@code errors} for invalid input. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection // serialised by Jackson outside a REST return type (native image)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a JSON path such as {@code emails[0].address}, and what is wrong with it. */
    @RegisterForReflection
    public record FieldError(String field, String message) {
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
