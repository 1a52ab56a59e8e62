package dev.anchor.notification.domain;

import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.EventData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * contact.events: a {@code contact.logged} whose customer asked for the summary ({@code summaryRequested}) and that
 * has one becomes a {@code contact-summary} message; anything else (amendments included) sends nothing.
 */
@ApplicationScoped
public class ContactSummaries {

    private static final Logger LOG = Logger.getLogger(ContactSummaries.class);

    private final MessageParts parts;
    private final Notifier notifier;
    private final CustomerContacts customers;

    public ContactSummaries(MessageParts parts, Notifier notifier, CustomerContacts customers) {
        this.parts = parts;
        this.notifier = notifier;
        this.customers = customers;
    }

    /** Applies one event of contact.events; one that breaks its contract throws {@code MalformedEvent}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        switch (event.type()) {
            case "contact.logged" -> logged(event);
            case "contact.amended" -> {
                // an amended summary is not sent again
            }
            default -> LOG.debugf("ignores %s", event.type());
        }
    }

    private void logged(CloudEvent event) {
        EventData contact = EventData.of(event).object("contact");
        UUID customerId = contact.uuid("customerId");
        // the erasure's lock: an erasure under way finishes first, and then this event finds the customer erased
        customers.lock(customerId);
        UUID issueId = contact.optionalUuid("issueId");
        // what Template.forEvent decides by, read strictly: a value of the wrong shape is refused, not taken for "no"
        contact.optionalBoolean("summaryRequested");
        contact.optionalText("summary");
        Optional<Template> template = Template.forEvent(event.type(), contact.json());
        if (template.isEmpty()) {
            return;
        }
        String told = parts.of(event.id(), event.type(), template.get(), false, null, contact.json(), false);
        notifier.candidate(event.id(), event.type(), template.get(), issueId, customerId, false, told);
    }
}
