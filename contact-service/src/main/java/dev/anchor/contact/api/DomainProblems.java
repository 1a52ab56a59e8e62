package dev.anchor.contact.api;

import dev.anchor.blocks.problem.Problem;
import dev.anchor.blocks.problem.ProblemException;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.contact.domain.Erased;
import dev.anchor.contact.domain.InvalidField;
import dev.anchor.contact.domain.NotAllowed;
import dev.anchor.contact.domain.NotFound;
import dev.anchor.contact.domain.NothingChanged;
import dev.anchor.contact.domain.StaleVersion;
import dev.anchor.contact.domain.UnreadableChanges;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The contact domain's refusals as problem+json, with the types, titles and details every service uses. */
public class DomainProblems {

    @ServerExceptionMapper
    public Response notFound(NotFound e, UriInfo uri) {
        return respond(Problems.notFound(e.what(), e.id()), uri);
    }

    @ServerExceptionMapper
    public Response erased(Erased e, UriInfo uri) {
        return respond(Problems.gone(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowed e, UriInfo uri) {
        return respond(Problems.forbidden(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidField e, UriInfo uri) {
        return respond(Problems.invalidField(e.field(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unreadableChanges(UnreadableChanges e, UriInfo uri) {
        return respond(Problems.unreadable(e.reading()), uri);
    }

    @ServerExceptionMapper
    public Response nothingChanged(NothingChanged e, UriInfo uri) {
        return respond(Problems.unprocessable(e.getMessage()), uri);
    }

    /** 412 naming the If-Match the caller sent, as building-blocks' ETags words it. */
    @ServerExceptionMapper
    public Response staleVersion(StaleVersion e, HttpHeaders headers, UriInfo uri) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        return respond(Problems.preconditionFailed("If-Match " + (ifMatch == null ? "" : ifMatch.trim())
                + " does not match the current version \"" + e.currentVersion()
                + "\"; read the resource again and reapply your change"), uri);
    }

    private static Response respond(ProblemException problem, UriInfo uri) {
        Problem body = problem.problem().withInstance(uri.getPath());
        return Response.status(body.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
