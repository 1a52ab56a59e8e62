package dev.anchor.issue.api;

import dev.anchor.issue.domain.IssueDraft;
import dev.anchor.issue.domain.Locations;
import dev.anchor.issue.domain.Priority;
import dev.anchor.issue.domain.RaisedChannel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * What opening an issue takes. {@code takeOwnership} makes the agent who opens it its owner at once; otherwise it
 * waits, unowned, to be taken. {@code locationId} shares it with a store or repair partner at that location.
 */
public record OpenIssueRequest(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String description,
        @Size(max = 100) String category,
        Priority priority,
        @NotNull RaisedChannel channel,
        @Size(max = Locations.MAX_LENGTH) @Pattern(regexp = Locations.PATTERN, message = Locations.PATTERN_MESSAGE)
        String locationId,
        Boolean takeOwnership) {

    boolean ownershipTaken() {
        return Boolean.TRUE.equals(takeOwnership);
    }

    IssueDraft draft() {
        return new IssueDraft(customerId, title, description, category, priority, channel, locationId, ownershipTaken());
    }
}
