package dev.anchor.issue.api;

import dev.anchor.issue.domain.IssueStatus;
import jakarta.validation.constraints.NotNull;

/** Moves an issue along its lifecycle; closing and reopening have their own operations. */
public record StatusChangeRequest(@NotNull IssueStatus status) {
}
