package dev.anchor.issue.api.statuspage;

import dev.anchor.issue.domain.StatusPages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import dev.anchor.issue.domain.StatusPages.Closing;
import dev.anchor.issue.domain.StatusPages.Submitted;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The customer's status page: the token in the link is the only credential. HTML for people (forms post and redirect
 * back), JSON with {@code Accept: application/json}. Unknown or revoked tokens get a small 404 page; a client that
 * keeps guessing gets 429 for its guesses, never for a valid link. Every form carries a one-time form token: a
 * second submission of the same form, or a post without a token the page handed out, stores nothing.
 */
@Path("/status/{token}")
@PermitAll
@Tag(name = "Status page")
public class StatusPageResource {

    static final int MAX_COMMENT = 5000;
    static final String FORM_TOKEN = "formToken";

    private final StatusPages pages;
    private final TokenGuessThrottle throttle;
    private final ClientAddress clients;
    private final Template statusPage;

    public StatusPageResource(StatusPages pages, TokenGuessThrottle throttle, ClientAddress clients,
                              @Location("statusPage") Template statusPage) {
        this.pages = pages;
        this.throttle = throttle;
        this.clients = clients;
        this.statusPage = statusPage;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The status page (HTML)", description = "Number, status, owner, next step and public history.")
    public Response page(@PathParam("token") String token, @QueryParam("notice") String notice,
                         @Context HttpServerRequest request, @Context UriInfo uri) {
        return guarded(request, () -> render(uri, token, knownNotice(notice), 200));
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
    @Operation(summary = "The customer adds a comment", description = "Form fields text and formToken (the one-time "
            + "token of the rendered form). Reopens a closed issue within the reopen window; after it, opens a new "
            + "linked issue and redirects to its page. A form token already used or expired stores nothing and "
            + "redirects to the page with a notice.")
    @APIResponse(responseCode = "303", description = "Back to the page, with a notice")
    @APIResponse(responseCode = "400", description = "No form token: the page again, with a notice; nothing stored")
    public Response comment(@PathParam("token") String token, @FormParam("text") String text,
                            @FormParam(FORM_TOKEN) String formToken,
                            @Context HttpServerRequest request, @Context UriInfo uri) {
        if (formToken == null || formToken.isBlank()) {
            return guarded(request, () -> render(uri, token, "form-missing", 400));
        }
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_COMMENT) {
            return guarded(request, () -> pages.page(token)
                    .map(page -> back(uri, token, trimmed.isEmpty() ? "empty" : "too-long")));
        }
        return guarded(request, () -> pages.comment(token, formToken, trimmed).map((Submitted done) ->
                back(uri, done.pageToken(), done.applied() ? "commented" : "already-sent")));
    }

    @POST
    @Path("/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The customer closes the issue", description = "Form field formToken (the one-time token of "
            + "the rendered form).")
    @APIResponse(responseCode = "303", description = "Back to the page, with a notice")
    @APIResponse(responseCode = "400", description = "No form token: the page again, with a notice; nothing changed")
    public Response close(@PathParam("token") String token, @FormParam(FORM_TOKEN) String formToken,
                          @Context HttpServerRequest request, @Context UriInfo uri) {
        if (formToken == null || formToken.isBlank()) {
            return guarded(request, () -> render(uri, token, "form-missing", 400));
        }
        return guarded(request, () -> pages.close(token, formToken).map((Closing closing) -> back(uri, token,
                switch (closing) {
                    case CLOSED -> "closed";
                    case ALREADY_CLOSED -> "already-closed";
                    case FORM_NOT_ACCEPTED -> "already-sent";
                })));
    }

    /** The HTML page for {@code token} with a fresh form token, or empty for an unknown token. */
    private Optional<Response> render(UriInfo uri, String token, String notice, int status) {
        String base = uri.getBaseUri().getRawPath();
        String root = base.endsWith("/") ? base : base + "/";
        return pages.page(token).map(page -> StatusView.of(page, notice)).map(view ->
                Response.status(status).type(StatusPageHeaders.HTML)
                        .entity(statusPage.data("page", view).data("pagePath", root + "status/" + token)
                                .data("styleSheet", root + "status-page/page.css")
                                .data("formToken", pages.newFormToken(token)).render())
                        .header("Cache-Control", "no-store").build());
    }

    /**
     * Runs {@code action}; only when the token turns out unknown does the client's miss count, and only then can the
     * throttle answer 429 — a valid link is served however many guesses came from the same address.
     */
    private Response guarded(HttpServerRequest request, Supplier<Optional<Response>> action) {
        String client = clients.of(request);
        return action.get().orElseGet(() -> {
            long retryAfter = throttle.retryAfter(client);
            if (retryAfter > 0) {
                return message(429, "Too many requests", "Too many unknown links were tried from here. Please wait "
                        + "a moment, then open the link from your message again.").header("Retry-After", retryAfter).build();
            }
            throttle.miss(client);
            return message(404, "Not found", "This link is unknown or no longer valid. Please use the newest link we "
                    + "sent you, or contact us for a new one.").build();
        });
    }

    private static Response.ResponseBuilder message(int status, String title, String text) {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%1$s</title>
                <link rel="stylesheet" href="/status-page/page.css">
                </head>
                <body>
                <main>
                <h1>%1$s</h1>
                <p>%2$s</p>
                </main>
                </body>
                </html>
                """.formatted(title, text);
        return Response.status(status).type(StatusPageHeaders.HTML).entity(html).header("Cache-Control", "no-store");
    }

    private static Response back(UriInfo uri, String token, String notice) {
        URI page = uri.getBaseUriBuilder().path("status").path(token).queryParam("notice", notice).build();
        return Response.seeOther(page).build();
    }

    private static String knownNotice(String notice) {
        return notice != null && notice.matches("[a-z-]{1,20}") ? notice : null;
    }
}
