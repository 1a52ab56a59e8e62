package dev.anchor.issue.domain;

import java.util.UUID;

/**
 * What opening an issue takes. {@code takeOwnership} makes the agent who opens it its owner at once; otherwise it
 * waits, unowned, to be taken. {@code locationId} shares it with a store or repair partner at that location.
 */
public record IssueDraft(UUID customerId, String title, String description, String category, Priority priority,
                         RaisedChannel channel, String locationId, boolean takeOwnership) {
}
