package dev.anchor.issue.domain;

/** What the owner did to resolve an issue. */
public enum ActionKind {
    refund, replacement, repair, other
}
