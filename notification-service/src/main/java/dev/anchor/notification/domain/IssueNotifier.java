package dev.anchor.notification.domain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.EventData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * issue.events: every event brings the issue replica up to date; each change the customer is told about (opened,
 * assigned, a next action for them, a public comment…, see {@link Template#forEvent}) becomes a message to decide.
 */
@ApplicationScoped
public class IssueNotifier {

    private static final Logger LOG = Logger.getLogger(IssueNotifier.class);

    private final IssueReplication replication;
    private final MessageParts parts;
    private final Notifier notifier;
    private final CustomerContacts customers;

    public IssueNotifier(IssueReplication replication, MessageParts parts, Notifier notifier, CustomerContacts customers) {
        this.replication = replication;
        this.parts = parts;
        this.notifier = notifier;
        this.customers = customers;
    }

    /** Applies one event of issue.events; one that breaks its contract throws {@code MalformedEvent}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        String type = event.type();
        if (!type.startsWith("issue.")) {
            LOG.debugf("ignores %s", type);
            return;
        }
        EventData data = EventData.of(event);
        EventData issue = data.object("issue");
        // the erasure's lock: an erasure under way finishes first, and then this event finds the customer erased
        customers.lock(issue.uuid("customerId"));
        EventData change = data.optionalObject("change")
                .orElse(EventData.of(JsonNodeFactory.instance.objectNode(), "data.change"));
        String ownerBefore = replication.apply(type, issue, change);
        // a new step of ours tells the customer nothing either, but it replaces the one a waiting message may tell of
        boolean ourStepSet = "issue.next-action-set".equals(type) && !"customer".equals(change.optionalText("who"));
        if ("issue.next-action-completed".equals(type) || ourStepSet) {
            // nothing of its own to tell; what waits for the customer no longer tells of that step (asked, or late)
            notifier.stepCompleted(event.id(), type, issue.uuid("id"), issue.uuid("customerId"), issue.json(),
                    change.json());
            return;
        }
        Optional<Template> template = Template.forEvent(type, change.json());
        if (template.isEmpty()) {
            return;
        }
        UUID issueId = issue.uuid("id");
        UUID customerId = issue.uuid("customerId");
        // a link the customer asked for this minute, or the acknowledgement of the email she just wrote us, is not
        // held for the night
        boolean askedNow = template.get() == Template.STATUS_LINK || (template.get() == Template.ISSUE_OPENED
                && "customer".equals(data.optionalObject("actor").map(a -> a.optionalText("role")).orElse(null)));
        boolean urgent = "urgent".equals(issue.optionalText("priority")) || askedNow;
        String newOwner = change.optionalObject("owner").map(o -> o.optionalText("id")).orElse(null);
        boolean nothingNew = NotificationRules.tellsNothingNew(type, change.has("previousOwner"), newOwner, ownerBefore);
        String told = parts.of(event.id(), type, template.get(), urgent, issue.json(), change.json(), nothingNew);
        notifier.candidate(event.id(), type, template.get(), issueId, customerId, urgent, told);
    }
}
