package dev.anchor.issue.api;

import dev.anchor.issue.domain.Locations;
import dev.anchor.issue.domain.Party;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/**
 * The next expected action: what happens, who does it, by when (an ISO date-time with offset), and optionally where:
 * {@code locationId}, the store or repair centre (the issue is then shared with it).
 */
public record NextActionRequest(
        @NotBlank @Size(max = 500) String what,
        @NotNull Party who,
        @NotNull OffsetDateTime dueAt,
        @Size(max = Locations.MAX_LENGTH) @Pattern(regexp = Locations.PATTERN, message = Locations.PATTERN_MESSAGE)
        String locationId) {
}
