package dev.anchor.contact.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One message a customer (or a machine) sent us, read once, and what became of it. */
@Entity
@Table(name = "inbound_message")
public class InboundMessage {

    /** What became of a message. */
    public enum Status {
        /** It is a contact on its issue now, or the contact that opens one ({@link #NEW_ISSUE}). */
        matched,
        /** A machine wrote it (auto-reply, bounce, list mail) or it repeats one already taken: never answered. */
        ignored,
        /** No issue of ours could be told from it: staff decide. */
        unmatched
    }

    /** The reason of a message matched because it opens an issue (an email to the organisation's address). */
    public static final String NEW_ISSUE = "new-issue";

    @Id
    public UUID id;
    public String channel;
    /** The Message-ID (or a digest of the message when it has none): each message is taken once. */
    public String messageKey;
    public String sender;
    public String recipient;
    public String subject;
    /** The customer's words: quoted history and signature removed. */
    public String text;
    /** The whole text as received, for staff. */
    public String original;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String reason;
    public UUID issueId;
    public UUID customerId;
    public UUID contactId;
    public OffsetDateTime receivedAt;
    public OffsetDateTime readAt;
}
