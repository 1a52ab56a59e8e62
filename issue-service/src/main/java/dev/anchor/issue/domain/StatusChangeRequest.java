package dev.anchor.issue.domain;

import jakarta.validation.constraints.NotNull;

/** Moves an issue along its lifecycle; closing and reopening have their own operations. */
public record StatusChangeRequest(@NotNull IssueStatus status) {
}
