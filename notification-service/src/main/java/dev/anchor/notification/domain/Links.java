package dev.anchor.notification.domain;

import dev.anchor.blocks.security.SignedLinks;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The signed links a message carries to pages customer-service serves: the one-click unsubscribe from a category
 * ({@code unsubscribe}, fields customer and category, 90 days) and the preferences page ({@code preferences}, field
 * customer, 30 days). customer-service verifies them with the same {@code anchor.links.secret}.
 */
@ApplicationScoped
public class Links {

    public static final Duration UNSUBSCRIBE_VALIDITY = Duration.ofDays(90);
    public static final Duration PREFERENCES_VALIDITY = Duration.ofDays(30);

    @ConfigMapping(prefix = "anchor.links")
    public interface Config {
        /** Shared with customer-service, which verifies the tokens; the prod profile refuses the default. */
        String secret();

        @WithDefault("http://127.0.0.1:8081")
        String customerServiceBaseUrl();
    }

    private final SignedLinks signed;
    private final String base;

    public Links(Config config) {
        this.signed = new SignedLinks(config.secret());
        String url = config.customerServiceBaseUrl().strip();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** One-click unsubscribe from {@code category} ({@code service}, {@code marketing}) for {@code customerId}. */
    public String unsubscribe(UUID customerId, String category, Instant now) {
        return base + "/preferences/unsubscribe?token="
                + encode(signed.sign("unsubscribe", now.plus(UNSUBSCRIBE_VALIDITY), customerId.toString(), category));
    }

    /** The customer's preferences page. */
    public String preferences(UUID customerId, Instant now) {
        return base + "/preferences?token=" + encode(signed.sign("preferences", now.plus(PREFERENCES_VALIDITY),
                customerId.toString()));
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
