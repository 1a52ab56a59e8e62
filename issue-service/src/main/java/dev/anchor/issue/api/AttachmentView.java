package dev.anchor.issue.api;

import dev.anchor.issue.domain.Attachment;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file sent with an issue, for staff: its sanitised name, the type detected from its bytes, size in bytes, SHA-256
 * (hex), who sent it ({@code customer}) and when; the bytes are at {@code GET /issues/{id}/attachments/{attachmentId}}.
 */
public record AttachmentView(UUID id, String fileName, String mediaType, long size, String sha256, String uploadedBy,
                             OffsetDateTime createdAt) {

    static AttachmentView of(Attachment attachment) {
        return new AttachmentView(attachment.id(), attachment.fileName(), attachment.mediaType(), attachment.size(),
                attachment.sha256(), attachment.uploadedBy(), attachment.createdAt());
    }
}
