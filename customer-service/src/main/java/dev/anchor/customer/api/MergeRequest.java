package dev.anchor.customer.api;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** Which duplicate record of the same person to fold into this one. */
public record MergeRequest(@NotNull UUID duplicateId) {
}
