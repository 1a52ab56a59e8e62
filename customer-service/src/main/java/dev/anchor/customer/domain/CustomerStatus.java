package dev.anchor.customer.domain;

/** A record is active; merged into another record of the same person; or erased (no personal data left). */
public enum CustomerStatus {
    active, merged, erased
}
