package dev.anchor.issue.api;

import dev.anchor.blocks.problem.Problem;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.issue.domain.TransitionRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** 409 problem for a lifecycle step the status does not allow, with {@code status} and {@code allowedTransitions}. */
public class TransitionRefusedMapper {

    @ServerExceptionMapper
    public Response refused(TransitionRefused e, UriInfo uri) {
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
