package dev.anchor.contact.messaging;

import dev.anchor.blocks.outbox.Outbox;
import dev.anchor.contact.domain.Contact;
import dev.anchor.contact.domain.ContactState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

/** The events of contact.events, written to the outbox in the transaction of the change; keyed by contact id. */
@ApplicationScoped
public class ContactEvents {

    public static final String TOPIC = "contact.events";

    private final Outbox outbox;

    public ContactEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void logged(Contact contact) {
        outbox.record(TOPIC, "contact.logged", contact.id, new Logged(ContactState.of(contact)));
    }

    public void amended(Contact contact, String by, OffsetDateTime at, String reason, List<String> fields) {
        outbox.record(TOPIC, "contact.amended", contact.id,
                new Amended(ContactState.of(contact), new Amendment(by, at, reason, fields)));
    }

    public record Logged(ContactState contact) {
    }

    public record Amended(ContactState contact, Amendment amendment) {
    }

    /** Who corrected the contact, when, why, and which fields (internalNotes is named, its text never published). */
    public record Amendment(String by, OffsetDateTime at, String reason, List<String> fields) {
    }
}
