package dev.anchor.issue.domain;

/** How urgent an issue is; it sets the SLA clocks. */
public enum Priority {
    low, normal, high, urgent
}
