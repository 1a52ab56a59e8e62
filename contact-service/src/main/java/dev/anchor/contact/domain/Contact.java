package dev.anchor.contact.domain;

import dev.anchor.contact.events.out.ContactState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One interaction with a customer on one channel. Corrected only by amendments, which are kept. */
@Entity
@Table(name = "contact")
public class Contact {

    /** The origin of a contact the customer's reply made, as contact.events publish it. */
    public static final String CUSTOMER_REPLY = "customer-reply";
    /** The origin of a contact an email to the organisation's address made: it asks for a new issue. */
    public static final String CUSTOMER_EMAIL = "customer-email";

    @Id
    public UUID id;
    @Column(nullable = false)
    public UUID customerId;
    public UUID issueId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    public String agentId;
    public String locationId;
    public OffsetDateTime occurredAt;
    public Integer durationSeconds;
    /** What the customer may read. */
    public String summary;
    /** Staff only: never shown to partners, never published. */
    public String internalNotes;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    /** The customer asked to receive the summary: published so notification-service can send it (not personal data). */
    public boolean summaryRequested;
    public String loggedBy;
    /** Who logged it by the name a customer reads (the token's name claim), for their export; null when unknown. */
    public String loggedByName;
    /** {@link #CUSTOMER_REPLY} when the customer's own email or SMS made the contact; null when someone logged it. */
    public String origin;
    /** The email's subject, for a contact of origin {@link #CUSTOMER_EMAIL}; null otherwise. */
    public String subject;
    /** The kept files of the email that made the contact (metadata only); null when none or after an erasure. */
    @Convert(converter = ContactAttachmentsColumn.class)
    public List<ContactState.Attachment> attachments;
    /** The customer was erased: summary and notes are gone, the non-personal facts remain. */
    public boolean erased;

    @Version
    public long version;

    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    public ContactDraft draft() {
        return new ContactDraft(customerId, issueId, channel, direction, agentId, locationId, occurredAt, durationSeconds,
                summary, internalNotes, outcome, summaryRequested);
    }

    /** The contact as contact.events publishes it: never its internal notes. */
    public ContactState toState() {
        return new ContactState(id, customerId, issueId, name(channel), name(direction), agentId, locationId, occurredAt,
                durationSeconds, summary, summaryRequested, name(outcome), version, origin, subject,
                attachments == null || attachments.isEmpty() ? null : List.copyOf(attachments));
    }

    void apply(ContactDraft draft) {
        customerId = draft.customerId();
        issueId = draft.issueId();
        channel = draft.channel();
        direction = draft.direction();
        agentId = blankToNull(draft.agentId());
        locationId = blankToNull(draft.locationId());
        occurredAt = draft.occurredAt();
        durationSeconds = draft.durationSeconds();
        summary = draft.summary().trim();
        internalNotes = blankToNull(draft.internalNotes());
        outcome = draft.outcome();
        summaryRequested = Boolean.TRUE.equals(draft.summaryRequested());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
