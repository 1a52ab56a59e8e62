package dev.anchor.issue.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file sent with an issue, without its bytes: the sanitised name, the type detected from the bytes, size, SHA-256
 * (hex; null for an emailed file), who sent it ({@code customer}), when, and how: through the status page
 * ({@code web}, bytes kept here) or by email ({@code email}, bytes kept by contact-service with the contact
 * {@code contactId}).
 */
public record Attachment(UUID id, UUID issueId, UUID customerId, String fileName, String mediaType, long size,
                         String sha256, String uploadedBy, OffsetDateTime createdAt, String channel, UUID contactId) {

    public static final String WEB = "web";
    public static final String EMAIL = "email";

    /** Whether issue-service holds the bytes (a file from the status page). */
    public boolean bytesHere() {
        return WEB.equals(channel);
    }
}
