package dev.anchor.issue.api.statuspage;

import dev.anchor.issue.domain.StatusPages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The customer's status page: the token in the link is the only credential. HTML for people (forms post and redirect
 * back), JSON with {@code Accept: application/json}. Unknown or revoked tokens get a plain 404; a client that keeps
 * guessing gets 429.
 */
@Path("/status/{token}")
@PermitAll
@Tag(name = "Status page")
public class StatusPageResource {

    static final int MAX_COMMENT = 5000;

    private final StatusPages pages;
    private final TokenGuessThrottle throttle;
    private final Template statusPage;

    public StatusPageResource(StatusPages pages, TokenGuessThrottle throttle, @Location("statusPage") Template statusPage) {
        this.pages = pages;
        this.throttle = throttle;
        this.statusPage = statusPage;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The status page (HTML)", description = "Number, status, owner, next step and public history.")
    public Response page(@PathParam("token") String token, @QueryParam("notice") String notice,
                         @Context HttpServerRequest request) {
        return guarded(request, () -> pages.page(token).map(page -> StatusView.of(page, knownNotice(notice))).map(view ->
                Response.ok(statusPage.data("page", view).data("token", token)).header("Cache-Control", "no-store")
                        .header("Referrer-Policy", "no-referrer").build()));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The status page's data (JSON)")
    public Response data(@PathParam("token") String token, @Context HttpServerRequest request) {
        return guarded(request, () -> pages.page(token).map(page ->
                Response.ok(StatusView.of(page, null)).header("Cache-Control", "no-store").build()));
    }

    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The customer adds a comment", description = "Form field text. Reopens a closed issue within "
            + "the reopen window; after it, opens a new linked issue and redirects to its page.")
    public Response comment(@PathParam("token") String token, @FormParam("text") String text,
                            @Context HttpServerRequest request, @Context UriInfo uri) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_COMMENT) {
            return guarded(request, () -> pages.page(token)
                    .map(page -> back(uri, token, trimmed.isEmpty() ? "empty" : "too-long")));
        }
        return guarded(request, () -> pages.comment(token, trimmed).map(next -> back(uri, next, "commented")));
    }

    @POST
    @Path("/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The customer closes the issue")
    public Response close(@PathParam("token") String token, @Context HttpServerRequest request, @Context UriInfo uri) {
        return guarded(request, () -> pages.close(token).map(closed -> back(uri, token, closed ? "closed" : "already-closed")));
    }

    private Response guarded(HttpServerRequest request, Supplier<Optional<Response>> action) {
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long retryAfter = throttle.retryAfter(client);
        if (retryAfter > 0) {
            return plain(429, "Too many requests").header("Retry-After", retryAfter).build();
        }
        return action.get().orElseGet(() -> {
            throttle.miss(client);
            return plain(404, "Not found").build();
        });
    }

    private static Response.ResponseBuilder plain(int status, String text) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(text + "\n").header("Cache-Control", "no-store");
    }

    private static Response back(UriInfo uri, String token, String notice) {
        URI page = uri.getBaseUriBuilder().path("status").path(token).queryParam("notice", notice).build();
        return Response.seeOther(page).build();
    }

    private static String knownNotice(String notice) {
        return notice != null && notice.matches("[a-z-]{1,20}") ? notice : null;
    }
}
