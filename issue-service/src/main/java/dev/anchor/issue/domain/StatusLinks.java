package dev.anchor.issue.domain;

import dev.anchor.issue.persistence.StatusTokens;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The customer's link to an issue's status page: the configured base URL and a fresh token. */
@ApplicationScoped
public class StatusLinks {

    private final StatusTokens tokens;
    private final String baseUrl;

    public StatusLinks(StatusTokens tokens, @ConfigProperty(name = "anchor.status-page.base-url") String baseUrl) {
        this.tokens = tokens;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String newLink(UUID issueId, OffsetDateTime now) {
        return baseUrl + "/" + tokens.issue(issueId, now);
    }
}
