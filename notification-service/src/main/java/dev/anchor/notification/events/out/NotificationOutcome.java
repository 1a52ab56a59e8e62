package dev.anchor.notification.events.out;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The data of every notification.* event (sent, delivered, failed, suppressed): {@code {notification}}. */
@RegisterForReflection
public record NotificationOutcome(NotificationState notification) {
}
