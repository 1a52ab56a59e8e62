package dev.anchor.issue.api;

import dev.anchor.issue.domain.Party;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** The next expected action: what happens, who does it, by when (an ISO date-time with offset). */
public record NextActionRequest(@NotBlank @Size(max = 500) String what, @NotNull Party who, @NotNull OffsetDateTime dueAt) {
}
