package dev.anchor.blocks.outbox;

/** Fired when a message enters the outbox; observed after commit to wake the relay at once. */
public record OutboxWritten(String topic) {
}
