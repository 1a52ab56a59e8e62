package dev.anchor.issue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anchor.issue.domain.Attachment;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file sent with an issue, for staff: its sanitised name, the type detected from its bytes, size in bytes, SHA-256
 * (hex), who sent it ({@code customer}), when, and how. A file from the status page ({@code channel: web}) is at
 * {@code GET /issues/{id}/attachments/{attachmentId}}; one emailed ({@code channel: email}) stays with contact-service,
 * at {@code GET /contacts/{contactId}/attachments/{attachmentId}} there (no SHA-256 here).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachmentView(UUID id, String fileName, String mediaType, long size, String sha256, String uploadedBy,
                             OffsetDateTime createdAt, String channel, UUID contactId) {

    static AttachmentView of(Attachment attachment) {
        return new AttachmentView(attachment.id(), attachment.fileName(), attachment.mediaType(), attachment.size(),
                attachment.sha256(), attachment.uploadedBy(), attachment.createdAt(), attachment.channel(),
                attachment.contactId());
    }
}
