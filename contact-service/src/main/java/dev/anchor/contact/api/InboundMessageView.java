package dev.anchor.contact.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anchor.contact.domain.EmailAttachment;
import dev.anchor.contact.domain.InboundMessage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A message a customer (or a machine) sent us, as staff see it: the words taken, the original, what became of it, and
 * the files that came with it (absent when none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboundMessageView(UUID id, String channel, String status, String reason, String sender,
                                 String recipient, String subject, String text, String original, UUID issueId,
                                 UUID customerId, UUID contactId, OffsetDateTime receivedAt, OffsetDateTime readAt,
                                 List<InboundAttachmentView> attachments) {

    static InboundMessageView of(InboundMessage m, List<EmailAttachment> files) {
        return new InboundMessageView(m.id, m.channel, m.status.name(), m.reason, m.sender, m.recipient, m.subject,
                m.text, m.original, m.issueId, m.customerId, m.contactId, m.receivedAt, m.readAt,
                files == null || files.isEmpty() ? null : files.stream().map(InboundAttachmentView::of).toList());
    }
}
