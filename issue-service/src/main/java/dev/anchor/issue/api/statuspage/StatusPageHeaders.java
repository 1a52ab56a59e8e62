package dev.anchor.issue.api.statuspage;

import dev.anchor.blocks.page.PageHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The customer pages' headers ({@link PageHeaders}: CSP without script, nosniff, no referrer, no caching, UTF-8 HTML)
 * on every status-page response, whoever answers it — the page, a form's redirect, the unknown-link page, the 429, or
 * a problem from the shared filters (a body too large, a NUL character).
 */
@ApplicationScoped
public class StatusPageHeaders {

    void install(@Observes Router router) {
        PageHeaders.install(router, path -> path.startsWith("/status/") || path.startsWith("/status-page/"));
    }
}
