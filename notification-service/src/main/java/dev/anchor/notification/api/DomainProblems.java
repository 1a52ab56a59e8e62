package dev.anchor.notification.api;

import dev.anchor.blocks.problem.Problem;
import dev.anchor.blocks.problem.ProblemException;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.notification.domain.InvalidReport;
import dev.anchor.notification.domain.NotFound;
import dev.anchor.notification.domain.ReportConflict;
import dev.anchor.notification.domain.ReportMismatch;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's exceptions as problem+json: 404 not found, 409 conflict, 422 unprocessable, 400 on a field. */
public class DomainProblems {

    @ServerExceptionMapper
    public Response notFound(NotFound e, UriInfo uri) {
        return respond(Problems.notFound(e.what(), e.id()), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ReportConflict e, UriInfo uri) {
        return respond(Problems.conflict(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response mismatch(ReportMismatch e, UriInfo uri) {
        return respond(Problems.unprocessable(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidReport e, UriInfo uri) {
        return respond(Problems.invalidField(e.field(), e.getMessage()), uri);
    }

    private static Response respond(ProblemException e, UriInfo uri) {
        Problem problem = e.problem().withInstance(uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
