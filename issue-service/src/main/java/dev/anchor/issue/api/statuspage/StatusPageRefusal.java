package dev.anchor.issue.api.statuspage;

import dev.anchor.blocks.page.PageHeaders;
import dev.anchor.blocks.problem.Problem;
import dev.anchor.blocks.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * A refusal of the status page, as its client reads it: a browser (whose {@code Accept} prefers HTML) gets a small
 * page for people, every other client the {@code application/problem+json} every 4xx of the suite is.
 */
record StatusPageRefusal(int status, String slug, String title, String text) {

    static final StatusPageRefusal UNKNOWN_LINK = new StatusPageRefusal(404, "not-found", "Not found",
            "This link is unknown or no longer valid. Please use the newest link we sent you, or contact us for a new one.");
    static final StatusPageRefusal TOO_MANY_GUESSES = new StatusPageRefusal(429, "too-many-requests",
            "Too many requests", "Too many unknown links were tried from here. Please wait a moment, then open the "
            + "link from your message again.");
    static final StatusPageRefusal UNREADABLE_FORM = new StatusPageRefusal(400, "bad-request", "Bad request",
            "The form could not be read (no form token, malformed percent-encoding, not UTF-8 or a NUL character), "
            + "so nothing was stored.");

    static final StatusPageRefusal UNREADABLE_UPLOAD = new StatusPageRefusal(400, "bad-request", "Bad request",
            "The upload could not be read (not well-formed multipart/form-data), so nothing was stored.");
    static final StatusPageRefusal FILE_MISSING = new StatusPageRefusal(400, "bad-request", "Bad request",
            "No file was sent (form field file), so nothing was stored.");
    static final StatusPageRefusal FILE_TOO_LARGE = new StatusPageRefusal(413, "payload-too-large", "Payload too large",
            "The file is larger than the status page accepts, so nothing was stored.");
    static final StatusPageRefusal FILE_TYPE = new StatusPageRefusal(415, "unsupported-media-type",
            "Unsupported media type", "The file is not a JPEG, PNG or HEIC photo or a PDF (its bytes were checked, or "
            + "its name claims another type), so nothing was stored.");
    static final StatusPageRefusal FILE_TOO_MANY = new StatusPageRefusal(409, "conflict", "Conflict",
            "This issue already holds as many files as it may, so nothing was stored.");
    static final StatusPageRefusal NO_SUCH_FILE = new StatusPageRefusal(404, "not-found", "Not found",
            "This issue has no such file.");

    private static final MediaType XHTML = MediaType.valueOf("application/xhtml+xml");

    /**
     * Whether the client is a browser: the first type its {@code Accept} ranks highest that either side offers is
     * HTML. {@code *}/{@code *}, JSON, a problem or no {@code Accept} at all are clients that read problems.
     */
    static boolean forBrowser(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if ("0".equals(accepted.getParameters().get("q")) || "0.0".equals(accepted.getParameters().get("q"))) {
                continue;
            }
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                    || accepted.isCompatible(MediaType.valueOf(Problem.MEDIA_TYPE))) {
                return false;
            }
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE) || accepted.isCompatible(XHTML)) {
                return true;
            }
        }
        return false;
    }

    /** The refusal as a small HTML page in English. */
    Response.ResponseBuilder page() {
        return page("en");
    }

    /** The same refusal in {@code language} (the words already in it), as a small HTML page. */
    StatusPageRefusal in(String title, String text) {
        return new StatusPageRefusal(status, slug, title, text);
    }

    /** The refusal as a small HTML page whose words are in {@code language}. */
    Response.ResponseBuilder page(String language) {
        String html = """
                <!DOCTYPE html>
                <html lang="%3$s">
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
                """.formatted(escape(title), escape(text), language);
        return Response.status(status).type(PageHeaders.HTML).entity(html).header("Cache-Control", "no-store");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The refusal as problem+json. */
    Response.ResponseBuilder problem(UriInfo uri) {
        Problem problem = ProblemException.of(status, slug, title, text).problem().withInstance(uri.getPath());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).header("Cache-Control", "no-store");
    }
}
