package dev.anchor.customer.api.preferences;

import dev.anchor.blocks.page.PageHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The customer pages' headers ({@link PageHeaders}: CSP without script, nosniff, no referrer, no caching, UTF-8 HTML)
 * on every answer under {@code /preferences} and {@code /preferences-page}, whoever answers it — a page, a refusal
 * page, a problem from the shared filters (413, NUL, 415), the style sheet.
 */
@ApplicationScoped
public class PreferencePageHeaders {

    void install(@Observes Router router) {
        PageHeaders.install(router, path -> path.equals("/preferences") || path.startsWith("/preferences/")
                || path.startsWith("/preferences-page/"));
    }
}
