package dev.anchor.contact.events.out;

import dev.anchor.blocks.outbox.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

/** The one writer of contact.events: each event goes to the outbox in the transaction of the change, keyed by contact id. */
@ApplicationScoped
public class ContactEvents {

    public static final String TOPIC = "contact.events";

    private final Outbox outbox;

    public ContactEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void logged(ContactState contact) {
        outbox.record(TOPIC, "contact.logged", contact.id(), new Logged(contact));
    }

    public void amended(ContactState contact, String by, OffsetDateTime at, String reason, List<String> fields) {
        outbox.record(TOPIC, "contact.amended", contact.id(), new Amended(contact, new Amendment(by, at, reason, fields)));
    }

    /** The data of contact.logged. */
    @RegisterForReflection
    public record Logged(ContactState contact) {
    }

    /** The data of contact.amended. */
    @RegisterForReflection
    public record Amended(ContactState contact, Amendment amendment) {
    }

    /** Who corrected the contact, when, why, and which fields (internalNotes is named, its text never published). */
    @RegisterForReflection
    public record Amendment(String by, OffsetDateTime at, String reason, List<String> fields) {
    }
}
