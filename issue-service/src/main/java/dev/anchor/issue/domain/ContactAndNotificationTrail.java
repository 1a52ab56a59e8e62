package dev.anchor.issue.domain;

import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.EventData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Puts what contact-service and notification-service did about an issue on its trail: contacts logged (public: their
 * summary is written for the customer) and notifications sent (public) or failed/suppressed (internal). Nothing here
 * changes the issue itself; a contact that asks for a new issue goes to {@link IssuesAskedByEmail}.
 */
@ApplicationScoped
public class ContactAndNotificationTrail {

    private static final Logger LOG = Logger.getLogger(ContactAndNotificationTrail.class);
    private static final Set<String> CONTACT_TYPES = Set.of("contact.logged", "contact.amended");
    private static final Set<String> SENT = Set.of("notification.sent", "notification.delivered");
    private static final Set<String> NOT_SENT = Set.of("notification.failed", "notification.suppressed");

    /** The origin of a contact the customer's own email or SMS made (contact.events). */
    static final String CUSTOMER_REPLY = "customer-reply";

    private final CustomerLocks locks;
    private final IssueJournal journal;
    private final Issues issues;
    private final StatusPages pages;
    private final IssuesAskedByEmail asked;

    public ContactAndNotificationTrail(CustomerLocks locks, IssueJournal journal, Issues issues, StatusPages pages,
                                       IssuesAskedByEmail asked) {
        this.locks = locks;
        this.journal = journal;
        this.issues = issues;
        this.pages = pages;
        this.asked = asked;
    }

    /** One event of contact.events; one that breaks its contract throws {@code MalformedEvent}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void contact(CloudEvent event) {
        if (!CONTACT_TYPES.contains(event.type())) {
            LOG.debugf("ignores %s", event.type());
            return;
        }
        EventData contact = EventData.of(event).object("contact");
        if ("contact.logged".equals(event.type()) && IssuesAskedByEmail.asks(contact)) {
            asked.open(contact); // the customer's email to the organisation's address: a new issue
            return;
        }
        UUID issueId = issueOf(contact);
        if (issueId == null) {
            return;
        }
        String channel = contact.optionalText("channel");
        String direction = or(contact.optionalText("direction"), "inbound");
        String words = contact.optionalText("summary");
        List<IssueAttachments.Emailed> files = emailedFiles(contact);
        if ("contact.logged".equals(event.type()) && CUSTOMER_REPLY.equals(contact.optionalText("origin"))
                && "inbound".equals(direction) && (words != null || !files.isEmpty())) {
            // the customer wrote back by email or SMS: their words and files on the page, as if sent there
            pages.customerWrote(issues.byId(issueId), words, channel, files, contact.uuid("id"));
            return;
        }
        String summary = ("inbound".equals(direction) ? "Contact from the customer" : "We contacted the customer")
                + (channel == null ? "" : " (" + channel + ")");
        String agentId = contact.optionalText("agentId");
        Actor actor = new Actor(ActorRole.agent, agentId, agentId, channel);
        journal.append(issueId, actor, event.type(),
                IssueJournal.Entry.publicly(summary, contact.optionalText("summary"))
                        .with(IssueJournal.facts("direction", direction, "channel", channel)), UUID.randomUUID());
    }

    /** One event of notification.events; one that breaks its contract throws {@code MalformedEvent}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notification(CloudEvent event) {
        boolean sent = SENT.contains(event.type());
        if (!sent && !NOT_SENT.contains(event.type())) {
            LOG.debugf("ignores %s", event.type());
            return;
        }
        EventData notification = EventData.of(event).object("notification");
        UUID issueId = issueOf(notification);
        if (issueId == null) {
            return;
        }
        String channel = or(notification.optionalText("channel"), "email");
        String summary = sent ? "We sent you a message by " + channel
                : "Message by " + channel + " not sent: " + or(notification.optionalText("reason"), "unknown reason");
        Actor actor = new Actor(ActorRole.system, "notification-service", "Anchor", null);
        String detail = notification.optionalText("summary");
        journal.append(issueId, actor, sent ? "notification.sent" : event.type(), (sent
                        ? IssueJournal.Entry.publicly(summary, detail) : IssueJournal.Entry.internally(summary, detail))
                        .with(IssueJournal.facts("channel", channel)), UUID.randomUUID());
    }

    /** The files a contact's email carried (contact-service keeps their bytes); none for most contacts. */
    static List<IssueAttachments.Emailed> emailedFiles(EventData contact) {
        return contact.objects("attachments").stream().map(file -> new IssueAttachments.Emailed(file.uuid("id"),
                file.text("fileName"), file.text("mediaType"), file.integer("size"))).toList();
    }

    /**
     * The issue the contact or notification is about, if it names one we hold, locked with its customer: the journal
     * then sees for certain whether the customer was erased and keeps no personal text if so.
     */
    private UUID issueOf(EventData data) {
        UUID id = data.optionalUuid("issueId");
        return id == null || locks.lockIssue(id) == null ? null : id;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
