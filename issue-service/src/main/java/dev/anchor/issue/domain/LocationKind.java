package dev.anchor.issue.domain;

/** What a directory entry is: a store the customer visits, or a repair centre. */
public enum LocationKind {
    store, repair_centre
}
