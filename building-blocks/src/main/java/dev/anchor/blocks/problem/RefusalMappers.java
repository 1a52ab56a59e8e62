package dev.anchor.blocks.problem;

import dev.anchor.blocks.refusal.Conflict;
import dev.anchor.blocks.refusal.Gone;
import dev.anchor.blocks.refusal.InvalidFields;
import dev.anchor.blocks.refusal.NotFound;
import dev.anchor.blocks.refusal.NotPermitted;
import dev.anchor.blocks.refusal.Refused;
import dev.anchor.blocks.refusal.StaleVersion;
import dev.anchor.blocks.refusal.UnreadableInput;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domains' common refusals as problem+json, the same in every service. */
public class RefusalMappers {

    @ServerExceptionMapper
    public Response notFound(NotFound e, UriInfo uri) {
        return respond(Problems.notFound(e.what(), e.id()), uri);
    }

    @ServerExceptionMapper
    public Response gone(Gone e, UriInfo uri) {
        return respond(Problems.gone(e.getMessage()), uri);
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
    public Response invalid(InvalidFields e, UriInfo uri) {
        return respond(Problems.invalid(e.getMessage(), e.fields().stream()
                .map(f -> new Problem.FieldError(f.field(), f.message())).toList()), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableInput e, UriInfo uri) {
        return respond(e.jsonFailure() != null ? Problems.unreadable(e.jsonFailure()) : Problems.badRequest(e.getMessage()),
                uri);
    }

    /** Worded as {@code ETags.checkIfMatch} words it, naming the If-Match the caller sent. */
    @ServerExceptionMapper
    public Response stale(StaleVersion e, HttpHeaders headers, UriInfo uri) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        return respond(Problems.preconditionFailed("If-Match " + (ifMatch == null ? "" : ifMatch.trim())
                + " does not match the current version \"" + e.currentVersion()
                + "\"; read the resource again and reapply your change"), uri);
    }

    /** The answer for {@code problem} at this request's path, with its headers. */
    public static Response respond(ProblemException problem, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(problem.problem().status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.problem().withInstance(uri.getPath()));
        problem.headers().forEach(response::header);
        return response.build();
    }
}
