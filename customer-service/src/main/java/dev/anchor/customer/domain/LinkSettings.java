package dev.anchor.customer.domain;

import io.smallrye.config.ConfigMapping;

/**
 * The key of the signed links in customers' messages ({@code anchor.links.*}): notification-service signs preferences
 * and unsubscribe links with it, customer-service verifies them. A development default containing {@code change-me}
 * is refused in production (building-blocks' ProductionSecrets, {@code ANCHOR_LINK_SECRET}).
 */
@ConfigMapping(prefix = "anchor.links")
public interface LinkSettings {

    /** The HMAC key shared with notification-service: at least 16 characters. */
    String secret();
}
