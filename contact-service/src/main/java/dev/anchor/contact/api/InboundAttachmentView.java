package dev.anchor.contact.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anchor.contact.domain.EmailAttachment;

import java.util.UUID;

/** A file that came with an inbound email, as staff see it: kept (downloadable) or refused, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboundAttachmentView(UUID id, String fileName, String mediaType, Long size, String status, String reason) {

    static InboundAttachmentView of(EmailAttachment a) {
        return new InboundAttachmentView(a.id(), a.fileName(), a.mediaType(), a.size(), a.status().name(), a.reason());
    }
}
