package dev.anchor.contact.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A correction: why, and the changes as a JSON merge patch of the contact's writable fields (null removes an
 * optional field). The customer a contact is about cannot be changed.
 */
public record AmendmentRequest(
        @NotBlank @Size(max = 500) String reason,
        @Schema(type = SchemaType.OBJECT, description = "Fields to change, as a JSON merge patch of issueId, channel, direction, agentId, locationId, occurredAt, durationSeconds, summary, internalNotes, outcome") @NotNull JsonNode changes) {
}
