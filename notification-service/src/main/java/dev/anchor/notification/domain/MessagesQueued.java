package dev.anchor.notification.domain;

/** Fired when messages were queued to go now, so the dispatcher wakes right after the commit. */
public record MessagesQueued() {
}
