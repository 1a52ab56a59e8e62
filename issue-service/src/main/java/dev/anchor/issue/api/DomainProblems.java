package dev.anchor.issue.api;

import dev.anchor.blocks.problem.Problem;

import dev.anchor.blocks.problem.Problems;

import dev.anchor.issue.domain.TransitionRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** issue-service's own refusal as problem+json (building-blocks maps the common ones). */
public class DomainProblems {

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
}
