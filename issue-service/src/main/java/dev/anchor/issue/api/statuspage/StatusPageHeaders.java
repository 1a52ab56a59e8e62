package dev.anchor.issue.api.statuspage;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers every status-page response carries, whoever answers it — the page, a form's redirect, the unknown-link
 * page, the 429, or a problem from the shared filters (a body too large, a NUL character): a strict Content-Security-
 * Policy (nothing but the service's own style sheet may load, no script at all, no framing, forms post only here),
 * {@code nosniff}, no referrer (the URL holds the secret token) and no caching. Set on the router ahead of every other
 * handler, just before the headers are written.
 */
@ApplicationScoped
public class StatusPageHeaders {

    static final String CSP = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
    static final String HTML = "text/html; charset=UTF-8";

    void install(@Observes Router router) {
        for (String path : new String[] {"/status/*", "/status-page/*"}) {
            router.route(path).order(Integer.MIN_VALUE).handler(context -> {
                context.addHeadersEndHandler(done -> secure(context.response().headers()));
                context.next();
            });
        }
    }

    static void secure(MultiMap headers) {
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (!headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
        String type = headers.get("Content-Type");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html")) {
            headers.set("Content-Type", HTML);
        }
    }
}
