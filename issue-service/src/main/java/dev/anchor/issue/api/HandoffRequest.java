package dev.anchor.issue.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** A handoff to a named agent: who takes over, how they are introduced to the customer, when the previous owner is back. */
public record HandoffRequest(
        @NotBlank @Size(max = 100) String toAgentId,
        @Size(max = 200) String toAgentName,
        @NotBlank @Size(max = 2000) String introduction,
        OffsetDateTime previousOwnerBackAt) {
}
