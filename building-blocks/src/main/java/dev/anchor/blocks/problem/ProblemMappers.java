package dev.anchor.blocks.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Maps every failure to an RFC 9457 problem: clear 4xx for bad requests, an opaque 500 for our own faults. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(e.problem(), uri);
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problems.invalid("The request has invalid fields", errors).problem(), uri).build();
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return respond(Problems.unreadable(e).problem(), uri).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem problem = ProblemException.of(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token is required").problem();
        return respond(problem, uri).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problems.forbidden("Your role does not allow this request").problem(), uri).build();
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return respond(Problems.preconditionFailed(
                "The resource changed while this request was applied; read it again and retry").problem(), uri).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return respond(Problems.unreadable(unreadable).problem(), uri).build();
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Request failed";
        Problem problem = ProblemException.of(status, slug(title), title, e.getMessage()).problem();
        Response.ResponseBuilder response = respond(problem, uri);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.causes(e)) {
            LOG.warnf("The database is out of reach on %s: %s", uri.getPath(), e.getMessage());
            Problem problem = ProblemException.of(503, "unavailable", "Service unavailable",
                    "The service cannot reach its database just now; nothing was changed, try again shortly").problem();
            return respond(problem, uri).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        Problem problem = ProblemException.of(500, "internal", "Internal error",
                "The request failed on our side; nothing was changed").problem();
        return respond(problem, uri).build();
    }

    private static Response.ResponseBuilder respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath()));
    }

    /** The JSON path of the invalid value, without the method and parameter names Bean Validation puts first. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> parts.clear();
                case PARAMETER -> parts.clear();
                default -> {
                    String name = node.getName() == null ? "" : node.getName();
                    if (node.getIndex() != null && !parts.isEmpty()) {
                        int last = parts.size() - 1;
                        parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (!name.isEmpty() && !name.startsWith("<")) {
                        parts.add(name);
                    }
                }
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
