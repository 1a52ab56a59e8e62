package dev.anchor.issue.messaging;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.issue.domain.ElsewhereOnTheIssue;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** contact.events and notification.events: what happened about an issue elsewhere lands on its timeline, once. */
@ApplicationScoped
public class ElsewhereConsumers {

    private final EventInbox inbox;
    private final ElsewhereOnTheIssue elsewhere;

    public ElsewhereConsumers(EventInbox inbox, ElsewhereOnTheIssue elsewhere) {
        this.inbox = inbox;
        this.elsewhere = elsewhere;
    }

    @Incoming("contact-events")
    public void contact(String payload) {
        inbox.apply("issue-service.contacts", payload, elsewhere::contact);
    }

    @Incoming("notification-events")
    public void notification(String payload) {
        inbox.apply("issue-service.notifications", payload, elsewhere::notification);
    }
}
