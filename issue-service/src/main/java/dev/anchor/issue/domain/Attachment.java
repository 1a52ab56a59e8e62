package dev.anchor.issue.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file sent with an issue, without its bytes: the sanitised name, the type detected from the bytes, size, SHA-256
 * (hex), who sent it ({@code customer}) and when.
 */
public record Attachment(UUID id, UUID issueId, UUID customerId, String fileName, String mediaType, long size,
                         String sha256, String uploadedBy, OffsetDateTime createdAt) {
}
