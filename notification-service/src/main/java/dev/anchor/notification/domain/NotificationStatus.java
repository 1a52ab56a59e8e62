package dev.anchor.notification.domain;

import java.util.Locale;
import java.util.Optional;

/** Where a notification stands; stored, published and shown as its lower-case {@link #value()}. */
public enum NotificationStatus {
    QUEUED, SENT, DELIVERED, FAILED, SUPPRESSED;

    /** The value as the database, the API and notification.events spell it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status spelled {@code value} (exactly, lower case); empty for anything else. */
    public static Optional<NotificationStatus> of(String value) {
        for (NotificationStatus status : values()) {
            if (status.value().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
