package dev.anchor.issue.domain;

import java.util.UUID;

/** Filters of {@code GET /issues}; null means "any". */
public record IssueFilter(UUID customerId, String ownerId, IssueStatus status, Boolean overdue, String locationId) {
}
