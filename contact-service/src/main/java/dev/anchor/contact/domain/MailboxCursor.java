package dev.anchor.contact.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** How far a mailbox was read: the last UID taken within the mailbox's UIDVALIDITY. */
@Entity
@Table(name = "mailbox_cursor")
public class MailboxCursor {

    @Id
    public String mailbox;
    public long uidValidity;
    public long lastUid;
    public OffsetDateTime updatedAt;

    /** The UID after which to read: everything when the mailbox was renumbered (a new UIDVALIDITY). */
    public long readAfter(long currentUidValidity) {
        return uidValidity == currentUidValidity ? lastUid : 0;
    }
}
