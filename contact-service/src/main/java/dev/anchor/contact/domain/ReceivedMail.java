package dev.anchor.contact.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One email as the mailbox adapter read it, free of any mail library's types: its Message-ID (null when it has
 * none), who wrote it, every address it was sent to (To, Cc, Delivered-To), its headers, its text and the files
 * that came with it.
 */
public record ReceivedMail(String messageId, String from, List<String> recipients, String subject,
                           String plainText, String html, String contentType, Map<String, List<String>> headers,
                           OffsetDateTime sentAt, List<MailAttachment> attachments) {

    public ReceivedMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** An email without files. */
    public ReceivedMail(String messageId, String from, List<String> recipients, String subject, String plainText,
                        String html, String contentType, Map<String, List<String>> headers, OffsetDateTime sentAt) {
        this(messageId, from, recipients, subject, plainText, html, contentType, headers, sentAt, List.of());
    }
}
