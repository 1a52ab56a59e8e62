package dev.anchor.issue.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.issue.persistence.IssueRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.UUID;

/**
 * Puts what other services did about an issue on its trail: contacts logged (public: their summary is written for the
 * customer) and notifications sent (public) or failed/suppressed (internal). Nothing here changes the issue itself.
 */
@ApplicationScoped
public class ElsewhereOnTheIssue {

    private static final Logger LOG = Logger.getLogger(ElsewhereOnTheIssue.class);
    private static final Set<String> CONTACT_TYPES = Set.of("contact.logged", "contact.amended");
    private static final Set<String> SENT = Set.of("notification.sent", "notification.delivered");
    private static final Set<String> NOT_SENT = Set.of("notification.failed", "notification.suppressed");

    private final IssueRepository issues;
    private final IssueJournal journal;

    public ElsewhereOnTheIssue(IssueRepository issues, IssueJournal journal) {
        this.issues = issues;
        this.journal = journal;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void contact(CloudEvent event) {
        if (!CONTACT_TYPES.contains(event.type())) {
            return;
        }
        JsonNode contact = event.data().path("contact");
        UUID issueId = issueOf(contact, event);
        if (issueId == null) {
            return;
        }
        String channel = contact.path("channel").asText(null);
        String direction = contact.path("direction").asText("inbound");
        String summary = ("inbound".equals(direction) ? "Contact from the customer" : "We contacted the customer")
                + (channel == null ? "" : " (" + channel + ")");
        Actor actor = new Actor(ActorRole.agent, contact.path("agentId").asText(null), contact.path("agentId").asText(null),
                channel);
        journal.append(issueId, actor, event.type(),
                IssueJournal.Entry.publicly(summary, contact.path("summary").asText(null)), UUID.randomUUID());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void notification(CloudEvent event) {
        boolean sent = SENT.contains(event.type());
        if (!sent && !NOT_SENT.contains(event.type())) {
            return;
        }
        JsonNode notification = event.data().path("notification");
        UUID issueId = issueOf(notification, event);
        if (issueId == null) {
            return;
        }
        String channel = notification.path("channel").asText("email");
        String summary = sent ? "We sent you a message by " + channel
                : "Message by " + channel + " not sent: " + notification.path("reason").asText("unknown reason");
        Actor actor = new Actor(ActorRole.system, "notification-service", "Anchor", null);
        journal.append(issueId, actor, sent ? "notification.sent" : event.type(), sent
                        ? IssueJournal.Entry.publicly(summary, notification.path("summary").asText(null))
                        : IssueJournal.Entry.internally(summary, notification.path("summary").asText(null)),
                UUID.randomUUID());
    }

    /** The issue the contact or notification is about, if it names one we hold. */
    private UUID issueOf(JsonNode node, CloudEvent event) {
        String value = node.path("issueId").asText(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            return issues.findById(id) == null ? null : id;
        } catch (IllegalArgumentException e) {
            LOG.errorf("skips %s %s: issueId %s is not a UUID", event.type(), event.id(), value);
            return null;
        }
    }
}
