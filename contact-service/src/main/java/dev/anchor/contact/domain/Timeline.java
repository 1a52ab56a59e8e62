package dev.anchor.contact.domain;

import dev.anchor.blocks.refusal.NotFound;
import dev.anchor.blocks.refusal.Gone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.http.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The single view of a customer: the timeline (newest first), the summary an agent reads when picking up, and the
 * contacts' lines on the timeline.
 */
@ApplicationScoped
public class Timeline {

    private final TimelineEntries entries;
    private final CustomerReplicas customers;
    private final IssueReplicas issues;
    private final Contacts contacts;
    private final ObjectMapper mapper;

    public Timeline(TimelineEntries entries, CustomerReplicas customers, IssueReplicas issues, Contacts contacts,
                    ObjectMapper mapper) {
        this.entries = entries;
        this.customers = customers;
        this.issues = issues;
        this.contacts = contacts;
        this.mapper = mapper;
    }

    /** One page of the customer's timeline as {@code caller} may see it; a merged customer's id reads the survivor's. */
    @Transactional
    public Paging.Page<TimelineEntry> timeline(UUID customerId, String kind, String channel, UUID issueId, Caller caller,
                                               Paging paging) {
        UUID current = customers.currentId(customerId);
        if (customers.isErased(current)) {
            throw new Gone("Customer " + customerId + " was erased");
        }
        Paging.Page<TimelineEntry> page = entries.page(new TimelineFilter(current, kind, channel, issueId,
                caller.scope()), paging);
        if (page.total() == 0 && customers.find(current) == null && entries.page(new TimelineFilter(current, null,
                null, null, PartnerScope.EVERYTHING), Paging.of(0, 1)).total() == 0) {
            throw new NotFound("Customer", customerId);
        }
        return page;
    }

    @Transactional
    public CustomerSummary summary(UUID customerId) {
        UUID current = customers.currentId(customerId);
        CustomerReplica customer = customers.find(current);
        if (customer != null && customer.erased()) {
            throw new Gone("Customer " + customerId + " was erased");
        }
        List<IssueReplica> open = issues.openOf(current);
        List<Contact> last = contacts.lastPerChannel(current);
        if (customer == null && open.isEmpty() && last.isEmpty()) {
            throw new NotFound("Customer", customerId);
        }
        return new CustomerSummary(current, customer, open, last);
    }

    /** Writes (or rewrites, after an amendment) the contact's line on the timeline. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordContact(Contact contact) {
        TimelineEntry existing = entries.find(contact.id);
        TimelineEntry entry = existing != null ? existing : new TimelineEntry();
        entry.id = contact.id;
        entry.kind = TimelineEntry.CONTACT;
        entry.customerId = contact.customerId;
        entry.type = contact.version == 0 ? "contact.logged" : "contact.amended";
        entry.occurredAt = contact.occurredAt;
        entry.channel = contact.channel.name();
        entry.issueId = contact.issueId;
        IssueReplica issue = contact.issueId == null ? null : issues.find(contact.issueId);
        entry.issueNumber = issue == null ? null : issue.number;
        entry.locationId = contact.locationId;
        entry.internal = false;
        entry.text = contact.summary;
        ObjectNode detail = mapper.createObjectNode();
        detail.put("contactId", contact.id.toString());
        detail.put("direction", contact.direction.name());
        detail.put("outcome", contact.outcome.name());
        if (contact.agentId != null) detail.put("agentId", contact.agentId);
        if (contact.locationId != null) detail.put("locationId", contact.locationId);
        if (contact.durationSeconds != null) detail.put("durationSeconds", contact.durationSeconds);
        detail.put("version", contact.version);
        entry.detail = detail.toString();
        if (existing == null) {
            entries.add(entry);
        }
    }
}
