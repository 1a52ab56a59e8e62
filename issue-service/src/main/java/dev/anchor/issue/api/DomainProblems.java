package dev.anchor.issue.api;

import dev.anchor.blocks.problem.Problem;
import dev.anchor.blocks.problem.ProblemException;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.issue.domain.Conflict;
import dev.anchor.issue.domain.InvalidInput;
import dev.anchor.issue.domain.NotFound;
import dev.anchor.issue.domain.NotPermitted;
import dev.anchor.issue.domain.Refused;
import dev.anchor.issue.domain.TransitionRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** The domain's exceptions as problem+json, the same bodies building-blocks' ProblemMappers gives a ProblemException. */
public class DomainProblems {

    @ServerExceptionMapper
    public Response notFound(NotFound e, UriInfo uri) {
        return respond(Problems.notFound(e.what(), e.id()), uri);
    }

    @ServerExceptionMapper
    public Response notPermitted(NotPermitted e, UriInfo uri) {
        return respond(Problems.forbidden(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e, UriInfo uri) {
        return respond(Problems.conflict(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response refused(Refused e, UriInfo uri) {
        return respond(Problems.unprocessable(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInput e, UriInfo uri) {
        var errors = e.fields().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList();
        return respond(Problems.invalid(e.getMessage(), errors), uri);
    }

    /** 409 for a lifecycle step the status does not allow, with {@code currentStatus} and {@code allowedTransitions}. */
    @ServerExceptionMapper
    public Response transitionRefused(TransitionRefused e, UriInfo uri) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.type("transition-not-allowed"));
        problem.put("title", "Transition not allowed");
        problem.put("status", 409);
        problem.put("detail", e.getMessage());
        problem.put("instance", uri.getPath());
        problem.put("currentStatus", e.status().name());
        problem.put("allowedTransitions", e.allowed());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response respond(ProblemException e, UriInfo uri) {
        Problem problem = e.problem();
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.withInstance(uri.getPath())).build();
    }
}
