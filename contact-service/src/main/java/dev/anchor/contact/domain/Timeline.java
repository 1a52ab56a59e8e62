package dev.anchor.contact.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.contact.persistence.ContactRepository;
import dev.anchor.contact.persistence.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The single view of a customer: the timeline (newest first) and the summary an agent reads when picking up. */
@ApplicationScoped
public class Timeline {

    private final ReadModelRepository readModel;
    private final ContactRepository contacts;
    private final ObjectMapper mapper;

    public Timeline(ReadModelRepository readModel, ContactRepository contacts, ObjectMapper mapper) {
        this.readModel = readModel;
        this.contacts = contacts;
        this.mapper = mapper;
    }

    /** One line of the timeline as the API answers it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TimelineItem", description = "A contact, an issue event or a notification on the customer's timeline")
    public record Item(UUID id,
                       @Schema(enumeration = {"contact", "issue", "notification"}) String kind,
                       @Schema(description = "The event type, e.g. contact.logged, issue.commented, notification.delivered") String type,
                       OffsetDateTime occurredAt, String channel, UUID issueId, String issueNumber,
                       @Schema(description = "Staff only (an internal comment); partners never see these") boolean internal,
                       @Schema(description = "One line an agent reads") String text,
                       @Schema(type = SchemaType.OBJECT, description = "What else the entry is about: for a contact its direction, "
                               + "outcome, agent, location and duration; for an issue event the issue status, the change and the "
                               + "actor; for a notification its status, delivered or not, reason, subject and attempts")
                       @JsonRawValue String detail) {

        static Item of(TimelineEntry e) {
            return new Item(e.id, e.kind, e.type, e.occurredAt, e.channel, e.issueId, e.issueNumber, e.internal, e.text,
                    e.detail);
        }
    }

    /** What an agent picking up a call needs at a glance. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CustomerSummary")
    public record Summary(UUID customerId, String name, String preferredChannel,
                          @Schema(type = SchemaType.OBJECT, description = "The current mailing address as customer-service "
                                  + "publishes it: label, line1, line2, postalCode, city, region, country")
                          @JsonRawValue String mailingAddress,
                          List<OpenIssue> openIssues, List<LastContact> lastContacts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OpenIssue(UUID id, String number, String title, String status, NextAction nextAction) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NextAction(String what, String who, OffsetDateTime dueAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LastContact(Channel channel, UUID contactId, OffsetDateTime occurredAt, Direction direction,
                              String summary, Outcome outcome) {
    }

    @Transactional
    public Paging.Page<Item> timeline(UUID customerId, String kind, String channel, UUID issueId, Caller caller,
                                      Paging paging) {
        UUID current = currentCustomerId(customerId);
        readModel.customer(current).filter(CustomerReplica::erased).ifPresent(c -> {
            throw Problems.gone("Customer " + customerId + " was erased");
        });
        Paging.Page<TimelineEntry> page = readModel.timeline(new ReadModelRepository.Filter(current, kind, channel, issueId,
                caller.partner() ? caller.location() : null), paging);
        return paging.page(page.items().stream().map(Item::of).toList(), page.total());
    }

    @Transactional
    public Summary summary(UUID customerId) {
        UUID current = currentCustomerId(customerId);
        CustomerReplica customer = readModel.customer(current).orElse(null);
        if (customer != null && customer.erased()) {
            throw Problems.gone("Customer " + customerId + " was erased");
        }
        List<OpenIssue> issues = readModel.openIssues(current).stream()
                .map(i -> new OpenIssue(i.id, i.number, i.title, i.status, i.nextActionWhat == null ? null
                        : new NextAction(i.nextActionWhat, i.nextActionWho, i.nextActionDueAt)))
                .toList();
        List<LastContact> last = contacts.lastPerChannel(current).stream()
                .map(c -> new LastContact(c.channel, c.id, c.occurredAt, c.direction, c.summary, c.outcome))
                .toList();
        if (customer == null && issues.isEmpty() && last.isEmpty()) {
            throw Problems.notFound("Customer", customerId);
        }
        return new Summary(current, customer == null ? null : customer.displayName,
                customer == null ? null : customer.preferredChannel, customer == null ? null : customer.mailingAddress,
                issues, last);
    }

    /** The id everything of {@code customerId} is kept under: the survivor when it was merged into another record. */
    public UUID currentCustomerId(UUID customerId) {
        return readModel.customer(customerId).filter(CustomerReplica::merged).map(c -> c.mergedInto).orElse(customerId);
    }

    /** Writes (or rewrites, after an amendment) the contact's line on the timeline. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordContact(Contact contact) {
        TimelineEntry existing = readModel.entry(contact.id).orElse(null);
        TimelineEntry entry = existing != null ? existing : new TimelineEntry();
        entry.id = contact.id;
        entry.kind = TimelineEntry.CONTACT;
        entry.customerId = contact.customerId;
        entry.type = contact.version == 0 ? "contact.logged" : "contact.amended";
        entry.occurredAt = contact.occurredAt;
        entry.channel = contact.channel.name();
        entry.issueId = contact.issueId;
        entry.issueNumber = contact.issueId == null ? null
                : readModel.issue(contact.issueId).map(i -> i.number).orElse(null);
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
            readModel.persist(entry);
        }
    }
}
