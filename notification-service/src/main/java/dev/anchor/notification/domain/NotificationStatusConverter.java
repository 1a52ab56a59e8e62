package dev.anchor.notification.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link NotificationStatus} as the text the column has always held (queued, sent…). */
@Converter
public class NotificationStatusConverter implements AttributeConverter<NotificationStatus, String> {

    @Override
    public String convertToDatabaseColumn(NotificationStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public NotificationStatus convertToEntityAttribute(String value) {
        return value == null ? null : NotificationStatus.of(value)
                .orElseThrow(() -> new IllegalStateException("Unknown notification status in the database: " + value));
    }
}
