package dev.anchor.contact.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.EventData;
import dev.anchor.blocks.events.MalformedEvent;
import dev.anchor.blocks.time.ServiceClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies issue.events to the issue replica (the summary's open issues with their next action, and the locations each
 * issue is shared with, which decide what partners see; the highest version wins) and to the issue history on the
 * customer's timeline (one entry per event, in the order of its time). Runs in
 * the inbox's transaction and checks the event before it writes, so a malformed one ({@link MalformedEvent}) changes
 * nothing; types outside the contract are ignored.
 */
@ApplicationScoped
public class IssueProjection {

    private static final Logger LOG = Logger.getLogger(IssueProjection.class);

    /** The issue types of docs/event-contracts.md the timeline shows; others are ignored, as the contract says. */
    static final Set<String> TYPES = Set.of("issue.opened", "issue.assigned", "issue.next-action-set",
            "issue.commented", "issue.action-taken", "issue.status-changed", "issue.closed", "issue.reopened");
    /**
     * Sharing an issue with one more location, or no longer ({@code change.locationId}): they change only whom the
     * replica says the issue is shared with, and add no line to the timeline.
     */
    static final String SHARED = "issue.shared";
    static final String UNSHARED = "issue.unshared";

    private final IssueReplicas issues;
    private final TimelineEntries timeline;
    private final CustomerReplicas customers;
    private final Contacts contacts;
    private final InboundMessages inbound;
    private final ObjectMapper mapper;
    private final Clock clock;

    public IssueProjection(IssueReplicas issues, TimelineEntries timeline, CustomerReplicas customers, Contacts contacts,
                           InboundMessages inbound, ObjectMapper mapper, Clock clock) {
        this.issues = issues;
        this.timeline = timeline;
        this.customers = customers;
        this.contacts = contacts;
        this.inbound = inbound;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The issue as an event carries it, read and checked. */
    private record IssueState(UUID id, UUID customerId, String number, String title, String status, long version,
                              String nextActionWhat, String nextActionWho, OffsetDateTime nextActionDueAt,
                              String locationId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        boolean sharing = SHARED.equals(event.type()) || UNSHARED.equals(event.type());
        if (!TYPES.contains(event.type()) && !sharing) {
            LOG.debugf("contact-service ignores %s", event.type());
            return;
        }
        EventData data = EventData.of(event);
        // the erasure's lock: an erasure under way finishes first, and then this event finds the customer erased
        customers.lock(data.object("issue").uuid("customerId"));
        IssueState issue = issueState(data.object("issue"));
        if (sharing) {
            String location = data.object("change").text("locationId");
            if (!customers.isErased(issue.customerId())) {
                updateReplica(issue, SHARED.equals(event.type()) ? location : null,
                        UNSHARED.equals(event.type()) ? location : null);
            }
            return;
        }
        Optional<EventData> change = data.optionalObject("change");
        Optional<EventData> actor = data.optionalObject("actor");
        EventData changed = change.orElse(EventData.of(JsonNodeFactory.instance.objectNode(), "data.change"));
        String text = describe(event.type(), issue, changed);
        boolean internal = "issue.commented".equals(event.type()) && "internal".equals(changed.optionalText("visibility"));
        Channel channel = Channel.parseOrNull(actor.map(a -> a.optionalText("channel")).orElse(null));
        ObjectNode detail = mapper.createObjectNode();
        detail.put("issueStatus", issue.status());
        change.ifPresent(c -> {
            ObjectNode safeChange = c.json().deepCopy();
            safeChange.remove("statusUrl"); // the customer's secret link stays out of the read model
            detail.set("change", safeChange);
        });
        actor.ifPresent(a -> detail.set("actor", a.json()));
        detail.put("version", issue.version());
        if (customers.isErased(issue.customerId())) {
            return; // nothing of an erased customer is kept
        }
        updateReplica(issue, null, null);
        if (timeline.find(event.id()) != null) {
            return;
        }
        if ("issue.opened".equals(event.type())) {
            openedFrom(changed.optionalUuid("fromContactId"), issue);
        }
        TimelineEntry entry = new TimelineEntry();
        entry.id = event.id();
        entry.customerId = issue.customerId();
        entry.kind = TimelineEntry.ISSUE;
        entry.type = event.type();
        entry.occurredAt = event.time() != null ? event.time() : ServiceClock.now(clock);
        entry.channel = channel == null ? null : channel.name();
        entry.issueId = issue.id();
        entry.issueNumber = issue.number();
        entry.internal = internal;
        entry.text = text;
        entry.detail = detail.toString();
        timeline.add(entry);
    }

    /** The email that asked for the issue (a contact of origin customer-email) is on it now, and so is its message. */
    private void openedFrom(UUID contactId, IssueState issue) {
        if (contactId == null) {
            return;
        }
        contacts.byId(contactId)
                .filter(contact -> contact.issueId == null && contact.customerId.equals(issue.customerId()))
                .ifPresent(contact -> {
                    contacts.placeOnIssue(contact.id, issue.id());
                    TimelineEntry line = timeline.find(contact.id);
                    if (line != null) {
                        line.issueId = issue.id();
                        line.issueNumber = issue.number();
                    }
                    inbound.openedIssue(contact.id, issue.id());
                });
    }

    private IssueState issueState(EventData issue) {
        UUID id = issue.uuid("id");
        UUID customerId = customers.currentId(issue.uuid("customerId"));
        String status = issue.text("status");
        long version = issue.integer("version");
        Optional<EventData> next = issue.optionalObject("nextAction");
        return new IssueState(id, customerId, issue.optionalText("number"), issue.optionalText("title"), status, version,
                next.map(n -> n.optionalText("what")).orElse(null), next.map(n -> n.optionalText("who")).orElse(null),
                next.map(n -> n.optionalTime("dueAt")).orElse(null), issue.optionalText("locationId"));
    }

    /**
     * A newer state replaces the replica; an older one arriving late changes nothing. The locations the issue is shared
     * with are a set: the location a newer state names ({@code issue.locationId}) is added, as is the one an
     * {@code issue.shared} names ({@code shared}); only an {@code issue.unshared} takes one away ({@code unshared}).
     */
    private void updateReplica(IssueState issue, String shared, String unshared) {
        IssueReplica replica = issues.find(issue.id());
        if (replica == null) {
            replica = new IssueReplica();
            replica.id = issue.id();
            replica.version = -1;
            replica.customerId = issue.customerId();
            replica.status = issue.status();
            replica.updatedAt = ServiceClock.now(clock);
            issues.add(replica);
        }
        if (issue.version() > replica.version) {
            replica.version = issue.version();
            replica.customerId = issue.customerId();
            replica.number = issue.number();
            replica.title = issue.title();
            replica.status = issue.status();
            replica.nextActionWhat = issue.nextActionWhat();
            replica.nextActionWho = issue.nextActionWho();
            replica.nextActionDueAt = issue.nextActionDueAt();
            replica.updatedAt = ServiceClock.now(clock);
            if (issue.locationId() != null && !issue.locationId().isBlank()) {
                replica.locations.add(issue.locationId());
            }
            if (shared != null) {
                replica.locations.add(shared);
            }
            if (unshared != null) {
                replica.locations.remove(unshared);
            }
        }
    }

    /** A one-line description of an issue event, as an agent reads it on the timeline. */
    private static String describe(String type, IssueState issue, EventData change) {
        String label = "Issue " + (issue.number() == null ? "" : issue.number() + " ");
        return switch (type) {
            case "issue.opened" -> label + "opened: " + orEmpty(issue.title());
            case "issue.assigned" -> label + "now owned by "
                    + orEmpty(change.optionalObject("owner").map(o -> o.optionalText("displayName")).orElse(null))
                    + suffix(": ", change.optionalText("introduction"));
            case "issue.next-action-set" -> label + "next action: " + orEmpty(change.optionalText("what"))
                    + (change.optionalText("who") == null ? "" : " (" + change.optionalText("who")
                    + suffix(", by ", change.optionalText("dueAt")) + ")");
            case "issue.commented" -> label + ("internal".equals(change.optionalText("visibility")) ? "internal note: "
                    : "comment: ") + orEmpty(change.optionalText("text"));
            case "issue.action-taken" -> label + "action taken: " + orEmpty(change.optionalText("kind"))
                    + suffix(" — ", change.optionalText("note"));
            case "issue.status-changed" -> label + "status " + orEmpty(change.optionalText("from")) + " → "
                    + orEmpty(change.optionalText("to"));
            case "issue.closed" -> label + "closed by " + orEmpty(change.optionalText("by"));
            case "issue.reopened" -> label + "reopened" + suffix(": ", change.optionalText("reason"));
            default -> label + type;
        };
    }

    private static String suffix(String separator, String value) {
        return value == null ? "" : separator + value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
