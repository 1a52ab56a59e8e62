package dev.anchor.blocks.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;
import java.util.stream.Collectors;

/** The problems every service answers with, so the same situation reads the same everywhere. */
public final class Problems {

    private Problems() {
    }

    public static String type(String slug) {
        return "urn:anchor:problem:" + slug;
    }

    public static ProblemException notFound(String what, Object id) {
        return ProblemException.of(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException badRequest(String detail) {
        return ProblemException.of(400, "bad-request", "Bad request", detail);
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(type("validation"), "Invalid request", 400, detail, null, errors));
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid("The request has invalid fields", List.of(new Problem.FieldError(field, message)));
    }

    /** A body that is not JSON (400), or JSON whose field has the wrong name, type or format (400 on that field). */
    public static ProblemException unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = e instanceof UnrecognizedPropertyException ? "is not a known field"
                    : e instanceof RefusedValue ? e.getOriginalMessage()
                    : "has the wrong type or format";
            return invalidField(field, message);
        }
        if (e instanceof JsonMappingException) {
            // Jackson's own words name our classes here: say what is wrong in the caller's terms
            return badRequest(e.getOriginalMessage().startsWith("Trailing token")
                    ? "The body has more after the JSON document" : "The body is not a JSON object of the documented shape");
        }
        return badRequest("The body is not valid JSON: " + e.getOriginalMessage());
    }

    public static ProblemException forbidden(String detail) {
        return ProblemException.of(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException conflict(String detail) {
        return ProblemException.of(409, "conflict", "Conflict", detail);
    }

    public static ProblemException gone(String detail) {
        return ProblemException.of(410, "gone", "Gone", detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return ProblemException.of(412, "precondition-failed", "Precondition failed", detail);
    }

    public static ProblemException unprocessable(String detail) {
        return ProblemException.of(422, "unprocessable", "Unprocessable request", detail);
    }
}
