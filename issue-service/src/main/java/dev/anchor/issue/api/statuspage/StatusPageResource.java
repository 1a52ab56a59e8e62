package dev.anchor.issue.api.statuspage;

import dev.anchor.blocks.page.PageText;
import dev.anchor.blocks.page.StrictForm;
import dev.anchor.blocks.page.PageHeaders;
import dev.anchor.issue.domain.IssueAttachments;
import dev.anchor.issue.domain.StatusPages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import dev.anchor.issue.domain.StatusPages.Closing;
import dev.anchor.issue.domain.StatusPages.Submitted;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.anchor.issue.domain.IssueSettings;
import dev.anchor.issue.domain.Organisation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The customer's status page: the token in the link is the only credential. HTML for people (forms post and redirect
 * back), JSON with {@code Accept: application/json}. Unknown or revoked tokens get 404; a client that keeps
 * guessing gets 429 for its guesses, never for a valid link — each a small page for a browser and a problem for any
 * other client ({@link StatusPageRefusal}). Form bodies are read strictly ({@link StrictForm}). Every form carries a one-time form token: a
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
    private final Template statusClose;
    private final Template statusGone;
    private final Organisation organisation;
    private final IssueSettings settings;
    private final IssueAttachments attachments;

    public StatusPageResource(StatusPages pages, TokenGuessThrottle throttle, ClientAddress clients,
                              @Location("statusPage") Template statusPage, @Location("statusClose") Template statusClose,
                              @Location("statusGone") Template statusGone, Organisation organisation,
                              IssueSettings settings, IssueAttachments attachments) {
        this.attachments = attachments;
        this.pages = pages;
        this.throttle = throttle;
        this.clients = clients;
        this.statusPage = statusPage;
        this.statusClose = statusClose;
        this.statusGone = statusGone;
        this.organisation = organisation;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The status page (HTML)", description = "Number, status, owner, next step and public history.")
    public Response page(@PathParam("token") String token, @QueryParam("notice") String notice,
                         @Context HttpServerRequest request, @Context UriInfo uri, @Context HttpHeaders headers) {
        return guarded(request, uri, headers, () -> render(uri, token, knownNotice(notice), 200));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The status page's data (JSON)")
    public Response data(@PathParam("token") String token, @QueryParam("notice") String notice,
                         @Context HttpServerRequest request, @Context UriInfo uri, @Context HttpHeaders headers) {
        // the notice is read (a NUL in it is refused like in any parameter) but is the HTML page's alone
        return guarded(request, uri, headers, () -> pages.page(token).map(page ->
                Response.ok(StatusView.of(page, knownNotice(notice), organisation)).header("Cache-Control", "no-store")
                        .build()));
    }

    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The customer adds a comment", description = "Form fields text and formToken (the one-time "
            + "token of the rendered form). A comment is only a comment: it never reopens a resolved or closed issue "
            + "(that is POST /status/{token}/not-fixed). It brings an issue waiting on the customer back to "
            + "in_progress, and answers a next step that was the customer's (issue.next-action-completed). A form "
            + "token already used or expired stores nothing and redirects to the page with a notice.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "text", type = SchemaType.STRING),
                    @SchemaProperty(name = FORM_TOKEN, type = SchemaType.STRING)})))
    @APIResponse(responseCode = "303", description = "Back to the page, with a notice")
    @APIResponse(responseCode = "400", description = "No form token, or a form that is not well-formed (percent-"
            + "encoding, UTF-8, NUL): for a browser the page again, with a notice, otherwise a problem; nothing stored")
    public Response comment(@PathParam("token") String token, byte[] body,
                            @Context HttpServerRequest request, @Context UriInfo uri, @Context HttpHeaders headers) {
        Optional<StrictForm> form = StrictForm.read(body);
        String formToken = form.map(f -> f.field(FORM_TOKEN)).orElse(null);
        if (formToken == null || formToken.isBlank()) {
            return unreadableForm(token, request, uri, headers);
        }
        String text = form.get().field("text");
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_COMMENT) {
            return guarded(request, uri, headers, () -> pages.page(token)
                    .map(page -> back(uri, token, trimmed.isEmpty() ? "empty" : "too-long")));
        }
        return guarded(request, uri, headers, () -> pages.comment(token, formToken, trimmed).map((Submitted done) ->
                back(uri, done.pageToken(), done.applied() ? "commented" : "already-sent")));
    }

    @POST
    @Path("/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "The customer adds a photo or document", description = "multipart/form-data: part file (a "
            + "JPEG, PNG or HEIC photo or a PDF, up to anchor.attachments.max-file-size, 10 MB) and formToken. The type "
            + "is detected from the file's bytes; the declared content type is ignored and a name claiming another type "
            + "(photo.exe) is refused. Stored with the issue (issue.attachment-added); like a comment it brings an "
            + "issue waiting on the customer back to in_progress and answers a next step that was theirs. A refused "
            + "file stores nothing: for a browser the page again with the error, otherwise a problem.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary"),
                    @SchemaProperty(name = FORM_TOKEN, type = SchemaType.STRING)})))
    @APIResponse(responseCode = "303", description = "Back to the page, with a notice")
    @APIResponse(responseCode = "400", description = "No form token or no file; nothing stored")
    @APIResponse(responseCode = "409", description = "The issue holds as many files as it may; nothing stored")
    @APIResponse(responseCode = "413", description = "The file is too large; nothing stored")
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG, HEIC or PDF by its bytes, or a name claiming "
            + "another type; nothing stored")
    public Response attach(@PathParam("token") String token, @RestForm(FORM_TOKEN) String formToken,
                           @RestForm("file") FileUpload file,
                           @Context HttpServerRequest request, @Context UriInfo uri, @Context HttpHeaders headers) {
        if (formToken == null || formToken.isBlank() || formToken.indexOf('\0') >= 0) {
            return unreadableForm(token, request, uri, headers);
        }
        IssueAttachments.Result checked;
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            checked = IssueAttachments.Result.refused(IssueAttachments.Refusal.MISSING);
        } else if (attachments.tooLarge(file.size())) {
            checked = IssueAttachments.Result.refused(IssueAttachments.Refusal.TOO_LARGE); // told before reading it
        } else {
            checked = attachments.check(new IssueAttachments.Upload(file.fileName(), read(file)));
        }
        if (checked.refusal() != null) {
            return refusedFile(token, checked.refusal(), request, uri, headers);
        }
        return guarded(request, uri, headers, () -> pages.attach(token, formToken, checked.accepted()).map(done ->
                switch (done) {
                    case ADDED -> back(uri, token, "attached");
                    case FORM_NOT_ACCEPTED -> back(uri, token, "already-sent");
                    case TOO_MANY -> refusedFile(token, IssueAttachments.Refusal.TOO_MANY, request, uri, headers);
                }));
    }

    @GET
    @Path("/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Downloads a file the customer sent", description = "Always as a download (Content-"
            + "Disposition: attachment), with the type detected when it was sent and nosniff.")
    @APIResponse(responseCode = "200", description = "The file's bytes")
    @APIResponse(responseCode = "404", description = "Unknown link, or no such file on its issue")
    public Response download(@PathParam("token") String token, @PathParam("attachmentId") String attachmentId,
                             @Context HttpServerRequest request, @Context UriInfo uri, @Context HttpHeaders headers) {
        if (!pages.known(token)) {
            return guarded(request, uri, headers, Optional::empty);
        }
        return pages.attachment(token, attachmentId).map(Downloads::of)
                .orElseGet(() -> refuse(StatusPageRefusal.NO_SUCH_FILE, uri, headers).build());
    }

    /** A refused file: for a browser the page again with the error on the file field, else a problem; nothing stored. */
    private Response refusedFile(String token, IssueAttachments.Refusal refusal, HttpServerRequest request, UriInfo uri,
                                 HttpHeaders headers) {
        StatusPageRefusal problem = switch (refusal) {
            case MISSING -> StatusPageRefusal.FILE_MISSING;
            case TOO_LARGE -> StatusPageRefusal.FILE_TOO_LARGE;
            case WRONG_TYPE -> StatusPageRefusal.FILE_TYPE;
            case TOO_MANY -> StatusPageRefusal.FILE_TOO_MANY;
        };
        String notice = switch (refusal) {
            case MISSING -> "file-missing";
            case TOO_LARGE -> "file-too-large";
            case WRONG_TYPE -> "file-type";
            case TOO_MANY -> "file-too-many";
        };
        if (StatusPageRefusal.forBrowser(headers)) {
            return guarded(request, uri, headers, () -> render(uri, token, notice, problem.status()));
        }
        return guarded(request, uri, headers, () -> pages.page(token).map(page -> problem.problem(uri).build()));
    }

    /**
     * A body the multipart reader could not read — not well-formed, cut off, or, sent without its length, larger than
     * Vert.x takes — is the client's: a 4xx problem that stored nothing, never a 500 (this resource's methods only).
     */
    @ServerExceptionMapper
    Response unreadableUpload(IOException e, UriInfo uri) {
        boolean tooLarge = e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("too large");
        return (tooLarge ? StatusPageRefusal.FILE_TOO_LARGE : StatusPageRefusal.UNREADABLE_UPLOAD).problem(uri).build();
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded file could not be read back", e);
        }
    }

    @GET
    @Path("/close")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Asks the customer to confirm closing", description = "An \"Are you sure?\" page: Yes posts "
            + "the close form, No goes back to the page.")
    public Response confirmClose(@PathParam("token") String token, @Context HttpServerRequest request,
                                 @Context UriInfo uri, @Context HttpHeaders headers) {
        return guarded(request, uri, headers, () -> pages.page(token).map(page -> {
            StatusView view = StatusView.of(page, null, organisation);
            if (view.closed()) {
                return back(uri, token, "already-closed");
            }
            String root = root(uri);
            var text = view.text();
            return Response.ok().type(PageHeaders.HTML).header("Cache-Control", "no-store")
                    .entity(statusClose.data("language", view.language()).data("number", view.number())
                            .data("heading", text.get("heading")).data("title", text.get("confirm.title"))
                            .data("text", text.get("confirm.text").replace("{days}",
                                    Long.toString(settings.reopenWindow().toDays())))
                            .data("yes", text.get("confirm.yes")).data("no", text.get("confirm.no"))
                            .data("pagePath", root + "status/" + token).data("styleSheet", root + "status-page/page.css")
                            .data("formToken", pages.newFormToken(token)).render()).build();
        }));
    }

    @POST
    @Path("/not-fixed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The customer says it is not fixed", description = "Form fields text (optional: what is still "
            + "wrong, in the customer's words) and formToken. Reopens a resolved issue, or a closed one within its "
            + "reopen window (issue.reopened, by customer, the text as the reason); otherwise the notice says it can "
            + "no longer be reopened. A form token already used or expired stores nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "text", type = SchemaType.STRING),
                    @SchemaProperty(name = FORM_TOKEN, type = SchemaType.STRING)})))
    @APIResponse(responseCode = "303", description = "Back to the page, with a notice")
    @APIResponse(responseCode = "400", description = "No form token, or a form that is not well-formed; nothing changed")
    public Response notFixed(@PathParam("token") String token, byte[] body,
                             @Context HttpServerRequest request, @Context UriInfo uri, @Context HttpHeaders headers) {
        Optional<StrictForm> form = StrictForm.read(body);
        String formToken = form.map(f -> f.field(FORM_TOKEN)).orElse(null);
        if (formToken == null || formToken.isBlank()) {
            return unreadableForm(token, request, uri, headers);
        }
        String text = form.get().field("text");
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.length() > MAX_COMMENT) {
            return guarded(request, uri, headers, () -> pages.page(token).map(page -> back(uri, token, "too-long")));
        }
        return guarded(request, uri, headers, () -> pages.notFixed(token, formToken, trimmed).map(done ->
                back(uri, token, switch (done) {
                    case REOPENED -> "reopened";
                    case NOT_REOPENABLE -> "not-reopenable";
                    case FORM_NOT_ACCEPTED -> "already-sent";
                })));
    }

    @POST
    @Path("/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The customer closes the issue", description = "Form field formToken (the one-time token of "
            + "the rendered form).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = FORM_TOKEN, type = SchemaType.STRING)})))
    @APIResponse(responseCode = "303", description = "Back to the page, with a notice")
    @APIResponse(responseCode = "400", description = "No form token, or a form that is not well-formed (percent-"
            + "encoding, UTF-8, NUL): for a browser the page again, with a notice, otherwise a problem; nothing changed")
    public Response close(@PathParam("token") String token, byte[] body,
                          @Context HttpServerRequest request, @Context UriInfo uri, @Context HttpHeaders headers) {
        String formToken = StrictForm.read(body).map(f -> f.field(FORM_TOKEN)).orElse(null);
        if (formToken == null || formToken.isBlank()) {
            return unreadableForm(token, request, uri, headers);
        }
        return guarded(request, uri, headers, () -> pages.close(token, formToken).map((Closing closing) ->
                back(uri, token, switch (closing) {
                    case CLOSED -> "closed";
                    case ALREADY_CLOSED -> "already-closed";
                    case FORM_NOT_ACCEPTED -> "already-sent";
                })));
    }

    @POST
    @Path("/new-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The customer asks for a new link", description = "From the page of a link that no longer "
            + "works (revoked or replaced): form field formToken. When the link was ours and its customer is still "
            + "known, a new link is sent to the customer's address on file (issue.status-link-issued, requestedBy "
            + "customer), at most one every anchor.status-page.new-link-interval. The answer is the same page either "
            + "way, revealing nothing; an unknown link counts as a guess.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = FORM_TOKEN, type = SchemaType.STRING)})))
    @APIResponse(responseCode = "200", description = "\"Check your email or phone\", whatever the link was")
    @APIResponse(responseCode = "400", description = "No form token, or a form that is not well-formed; nothing sent")
    @APIResponse(responseCode = "429", description = "Too many unknown links from this client")
    public Response newLink(@PathParam("token") String token, byte[] body,
                            @Context HttpServerRequest request, @Context UriInfo uri, @Context HttpHeaders headers) {
        String formToken = StrictForm.read(body).map(f -> f.field(FORM_TOKEN)).orElse(null);
        if (formToken == null || formToken.isBlank()) {
            return StatusPageRefusal.forBrowser(headers) ? deadLink(uri, headers, 400).build()
                    : StatusPageRefusal.UNREADABLE_FORM.problem(uri).build();
        }
        if (!pages.requestNewLink(token, formToken)) {
            Optional<Response> refused = guess(clients.of(request), uri, headers);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        return linkSent(uri, headers);
    }

    /**
     * 400 for a form without a form token or not well-formed: no browser using the page's own form sends one. A
     * browser still gets its page again (with a fresh form), any other client a problem; an unknown link stays 404.
     */
    private Response unreadableForm(String token, HttpServerRequest request, UriInfo uri, HttpHeaders headers) {
        if (StatusPageRefusal.forBrowser(headers)) {
            return guarded(request, uri, headers, () -> render(uri, token, "form-missing", 400));
        }
        return guarded(request, uri, headers, () -> pages.page(token)
                .map(page -> StatusPageRefusal.UNREADABLE_FORM.problem(uri).build()));
    }

    /** The HTML page for {@code token} with a fresh form token, or empty for an unknown token. */
    private Optional<Response> render(UriInfo uri, String token, String notice, int status) {
        String root = root(uri);
        return pages.page(token).map(page -> StatusView.of(page, notice, organisation)).map(view ->
                Response.status(status).type(PageHeaders.HTML)
                        .entity(statusPage.data("page", view).data("pagePath", root + "status/" + token)
                                .data("styleSheet", root + "status-page/page.css")
                                .data("formToken", pages.newFormToken(token)).render())
                        .header("Cache-Control", "no-store").build());
    }

    /**
     * Runs {@code action}; only when the token turns out unknown does the client's miss count, and only then can the
     * throttle answer 429 — a valid link is served however many guesses came from the same address.
     */
    private Response guarded(HttpServerRequest request, UriInfo uri, HttpHeaders headers,
                             Supplier<Optional<Response>> action) {
        String client = clients.of(request);
        return action.get().orElseGet(() -> guess(client, uri, headers).orElseGet(() -> {
            if (StatusPageRefusal.forBrowser(headers)) {
                return deadLink(uri, headers, 404).build();
            }
            return refuse(StatusPageRefusal.UNKNOWN_LINK, uri, headers).build();
        }));
    }

    /** Counts a miss of {@code client}'s: 429 once it has guessed too often, else empty (the miss is counted). */
    private Optional<Response> guess(String client, UriInfo uri, HttpHeaders headers) {
        long retryAfter = throttle.retryAfter(client);
        if (retryAfter > 0) {
            if (StatusPageRefusal.forBrowser(headers)) {
                PageText text = StatusPageText.of(browserLanguage(headers));
                return Optional.of(StatusPageRefusal.TOO_MANY_GUESSES.in(text.get("busy.title"), text.get("busy.text"))
                        .page(text.language()).header("Retry-After", retryAfter).build());
            }
            return Optional.of(refuse(StatusPageRefusal.TOO_MANY_GUESSES, uri, headers)
                    .header("Retry-After", retryAfter).build());
        }
        throttle.miss(client);
        return Optional.empty();
    }

    /**
     * The 404 page for a browser: the link no longer works, how to get a new one — in the language of the customer the
     * link was made for, if it ever named one, else the browser's Accept-Language; nothing about the issue.
     */
    private Response.ResponseBuilder deadLink(UriInfo uri, HttpHeaders headers, int status) {
        String token = uri.getPathParameters().getFirst("token");
        return html(gonePage(uri, headers, false).data("formToken", pages.newLinkFormToken(token))
                .data("newLinkPath", root(uri) + "status/" + token + "/new-link"), status);
    }

    /**
     * The answer to "Send me a new link", the same whether the link was ours (and a new one goes to the address on
     * file) or not: the GOV.UK confirmation pattern, in the customer's language.
     */
    private Response linkSent(UriInfo uri, HttpHeaders headers) {
        return html(gonePage(uri, headers, true), 200).build();
    }

    /** The page of a link that no longer works (or of the new link asked for), in its customer's language if known. */
    private TemplateInstance gonePage(UriInfo uri, HttpHeaders headers, boolean sent) {
        String token = uri.getPathParameters().getFirst("token");
        PageText text = StatusPageText.of(pages.languageOfDeadLink(token).orElseGet(() -> browserLanguage(headers)));
        return statusGone.data("language", text.language()).data("sent", sent)
                .data("title", text.get(sent ? "sent.title" : "gone.title"))
                .data("text", text.get(sent ? "sent.text" : "gone.text")).data("fresh", text.get("gone.new"))
                .data("button", text.get("gone.button"))
                .data("contact", text.get(sent ? "sent.contact" : "gone.contact").replace("{org}", organisation.name()))
                .data("tel", organisation.phone().replaceAll("[^0-9+]", "")).data("email", organisation.email())
                .data("call", text.get("contact.call").replace("{phone}", organisation.phone()))
                .data("mail", text.get("contact.email").replace("{email}", organisation.email()))
                .data("styleSheet", root(uri) + "status-page/page.css");
    }

    private static Response.ResponseBuilder html(TemplateInstance page, int status) {
        return Response.status(status).type(PageHeaders.HTML).entity(page.render()).header("Cache-Control", "no-store");
    }

    /** The first of the browser's Accept-Language the page speaks, else English. */
    private static String browserLanguage(HttpHeaders headers) {
        return headers.getAcceptableLanguages().stream().map(Locale::getLanguage).filter(StatusView.SHIPPED::contains)
                .findFirst().orElse("en");
    }

    private static String root(UriInfo uri) {
        String base = uri.getBaseUri().getRawPath();
        return base.endsWith("/") ? base : base + "/";
    }

    private static Response.ResponseBuilder refuse(StatusPageRefusal refusal, UriInfo uri, HttpHeaders headers) {
        return StatusPageRefusal.forBrowser(headers) ? refusal.page() : refusal.problem(uri);
    }

    private static Response back(UriInfo uri, String token, String notice) {
        URI page = uri.getBaseUriBuilder().path("status").path(token).queryParam("notice", notice).build();
        return Response.seeOther(page).build();
    }

    private static String knownNotice(String notice) {
        return notice != null && notice.matches("[a-z-]{1,20}") ? notice : null;
    }
}
