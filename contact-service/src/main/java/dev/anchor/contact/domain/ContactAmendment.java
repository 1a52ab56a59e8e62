package dev.anchor.contact.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One correction of a contact: the audit trail that replaces silent overwrites. */
@Entity
@Table(name = "contact_amendment")
public class ContactAmendment {

    @Id
    public UUID id;
    public UUID contactId;
    /** The contact's version this amendment produced. */
    public long version;
    public String amendedBy;
    public OffsetDateTime amendedAt;
    public String reason;
    /** Comma-separated names of the changed fields. */
    public String fields;
    /** JSON: {field: {from, to}}; removed on erasure. */
    public String changes;
}
