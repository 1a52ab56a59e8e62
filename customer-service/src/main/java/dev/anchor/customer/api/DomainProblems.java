package dev.anchor.customer.api;

import dev.anchor.blocks.problem.Problem;
import dev.anchor.blocks.problem.ProblemException;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.customer.domain.ChangeRefused;
import dev.anchor.customer.domain.CustomerConflict;
import dev.anchor.customer.domain.ErasedCustomer;
import dev.anchor.customer.domain.InvalidFields;
import dev.anchor.customer.domain.StaleVersion;
import dev.anchor.customer.domain.UnknownCustomer;
import dev.anchor.customer.domain.UnreadableChange;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The customer domain's exceptions as problem+json (the same bodies building-blocks' Problems gives elsewhere). */
public class DomainProblems {

    @ServerExceptionMapper
    public Response unknown(UnknownCustomer e, UriInfo uri) {
        return respond(Problems.notFound("Customer", e.id()), uri);
    }

    @ServerExceptionMapper
    public Response erased(ErasedCustomer e, UriInfo uri) {
        return respond(Problems.gone(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response conflict(CustomerConflict e, UriInfo uri) {
        return respond(Problems.conflict(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response refused(ChangeRefused e, UriInfo uri) {
        return respond(Problems.unprocessable(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidFields e, UriInfo uri) {
        return respond(Problems.invalid("The request has invalid fields", e.fields().stream()
                .map(f -> new Problem.FieldError(f.field(), f.message())).toList()), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableChange e, UriInfo uri) {
        return respond(e.jsonFailure() != null ? Problems.unreadable(e.jsonFailure()) : Problems.badRequest(e.getMessage()),
                uri);
    }

    /** Worded as building-blocks' ETags.checkIfMatch words it. */
    @ServerExceptionMapper
    public Response stale(StaleVersion e, HttpHeaders headers, UriInfo uri) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        return respond(Problems.preconditionFailed("If-Match " + (ifMatch == null ? "" : ifMatch.trim())
                + " does not match the current version \"" + e.currentVersion()
                + "\"; read the resource again and reapply your change"), uri);
    }

    private static Response respond(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(e.problem().status())
                .type(Problem.MEDIA_TYPE)
                .entity(e.problem().withInstance(uri.getPath()));
        e.headers().forEach(response::header);
        return response.build();
    }
}
