package dev.anchor.contact.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One line of a customer's timeline: a contact (id = contact id), an issue event (id = event id) or a notification
 * (id = notification id, updated as its delivery state advances).
 */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    public static final String CONTACT = "contact";
    public static final String ISSUE = "issue";
    public static final String NOTIFICATION = "notification";

    @Id
    public UUID id;
    public UUID customerId;
    public String kind;
    public String type;
    public OffsetDateTime occurredAt;
    public String channel;
    public UUID issueId;
    public String issueNumber;
    public String locationId;
    /** Staff only (an internal comment). */
    public boolean internal;
    public String text;
    /** JSON with what else the entry is about. */
    public String detail;
    /** Orders states of one notification so a late, older one does not overwrite a newer one. */
    public int rank;
}
