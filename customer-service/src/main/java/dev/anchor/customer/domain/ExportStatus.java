package dev.anchor.customer.domain;

/** Where an export stands: waiting for parts, every part in, or given up waiting at the deadline. */
public enum ExportStatus {
    pending, complete, incomplete
}
