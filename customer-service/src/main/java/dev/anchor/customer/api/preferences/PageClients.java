package dev.anchor.customer.api.preferences;

import dev.anchor.blocks.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Who reads an answer: a browser (its {@code Accept} ranks HTML first) gets pages, every other client — a mail
 * provider's one-click POST, a link scanner, a script — the {@code application/problem+json} every 4xx of the suite is.
 * The status page's rule (issue-service).
 */
final class PageClients {

    private static final MediaType XHTML = MediaType.valueOf("application/xhtml+xml");
    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    private PageClients() {
    }

    static boolean isBrowser(HttpHeaders headers) {
        java.util.List<MediaType> acceptable;
        try {
            acceptable = headers.getAcceptableMediaTypes();
        } catch (RuntimeException malformed) {
            return false;
        }
        for (MediaType accepted : acceptable) {
            String q = accepted.getParameters().get("q");
            if ("0".equals(q) || "0.0".equals(q) || "0.00".equals(q) || "0.000".equals(q)) {
                continue;
            }
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                    || accepted.isCompatible(PROBLEM)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE) || accepted.isCompatible(XHTML)) {
                return true;
            }
        }
        return false;
    }
}
