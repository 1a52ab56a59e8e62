package dev.anchor.issue.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a resolved or closed issue is opened again. */
public record ReopenRequest(@NotBlank @Size(max = 2000) String reason) {
}
