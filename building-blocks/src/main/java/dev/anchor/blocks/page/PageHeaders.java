package dev.anchor.blocks.page;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The headers every answer of a customer-facing page carries, whoever answers it — the page, a form's redirect, a
 * refusal page, a problem from the shared filters (a body too large, a NUL character), the style sheet: a strict
 * Content-Security-Policy (nothing but the service's own style sheet may load, no script at all, no framing, forms post
 * only here), {@code nosniff}, no referrer (the URL holds a secret token), no caching, and HTML always declared UTF-8.
 */
public final class PageHeaders {

    public static final String CSP = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
    public static final String HTML = "text/html; charset=UTF-8";

    private PageHeaders() {
    }

    /** Sets the headers on every response to a path {@code pages} accepts, ahead of every other handler. */
    public static void install(Router router, Predicate<String> pages) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (pages.test(context.normalizedPath())) {
                context.addHeadersEndHandler(done -> secure(context.response().headers()));
            }
            context.next();
        });
    }

    public static void secure(MultiMap headers) {
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (!headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
        String type = headers.get("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            headers.set("Content-Type", HTML);
        }
    }
}
