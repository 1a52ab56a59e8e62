package dev.anchor.notification.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A sample to render a template with. Every member is optional: what is missing comes from a built-in sample.
 * {@code issue} and {@code change} take the shapes issue.events carry (docs/event-contracts.md).
 */
public record PreviewRequest(
        @Pattern(regexp = "^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$", message = "must be a language tag such as en or de-AT")
        String language,
        @Size(max = 60) String timeZone,
        @Size(max = 200) String customerName,
        @Size(max = 2000) String statusUrl,
        JsonNode issue,
        JsonNode change) {
}
