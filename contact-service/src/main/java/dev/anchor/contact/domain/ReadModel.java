package dev.anchor.contact.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.idempotency.IdempotentCreates;
import dev.anchor.contact.persistence.ContactRepository;
import dev.anchor.contact.persistence.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies other services' events to the read model: the customer replica, the issue replica and the timeline.
 * Each handler runs in the inbox's transaction; it reads and checks everything before it writes, so a malformed
 * event ({@link MalformedEvent}) changes nothing. Late, older states are ignored by version (customers, issues) or
 * by delivery-state rank (notifications); unknown types are ignored.
 */
@ApplicationScoped
public class ReadModel {

    private static final Logger LOG = Logger.getLogger(ReadModel.class);
    private static final Map<String, Integer> NOTIFICATION_RANK = Map.of(
            "queued", 0, "sent", 1, "suppressed", 2, "failed", 2, "delivered", 3);

    /** The issue and notification types of docs/event-contracts.md; others are ignored, as the contract says. */
    static final Set<String> ISSUE_TYPES = Set.of("issue.opened", "issue.assigned", "issue.next-action-set",
            "issue.commented", "issue.action-taken", "issue.status-changed", "issue.closed", "issue.reopened");
    static final Set<String> NOTIFICATION_TYPES = Set.of("notification.sent", "notification.failed",
            "notification.suppressed", "notification.delivered");

    private final ReadModelRepository readModel;
    private final ContactRepository contacts;
    private final IdempotentCreates idempotency;
    private final Timeline timeline;
    private final ObjectMapper mapper;

    public ReadModel(ReadModelRepository readModel, ContactRepository contacts, IdempotentCreates idempotency,
                     Timeline timeline, ObjectMapper mapper) {
        this.readModel = readModel;
        this.contacts = contacts;
        this.idempotency = idempotency;
        this.timeline = timeline;
        this.mapper = mapper;
    }

    // ---- customer.events -------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyCustomerEvent(CloudEvent event) {
        JsonNode data = data(event);
        switch (event.type()) {
            case "customer.registered", "customer.updated", "customer.preferences-changed" ->
                    upsertCustomer(customerSnapshot(data.path("customer")));
            case "customer.merged" -> {
                UUID survivor = uuid(data, "survivorId", true);
                UUID retired = uuid(data, "retiredId", true);
                CustomerSnapshot snapshot = customerSnapshot(data.path("customer"));
                if (!survivor.equals(snapshot.id())) {
                    throw new MalformedEvent("customer.merged names survivor " + survivor + " but carries " + snapshot.id());
                }
                upsertCustomer(snapshot);
                retire(retired, survivor);
            }
            case "customer.erased" -> {
                List<UUID> ids = new ArrayList<>(List.of(uuid(data, "customerId", true)));
                JsonNode merged = data.path("mergedIds");
                if (!merged.isMissingNode() && !merged.isArray()) {
                    throw new MalformedEvent("customer.erased mergedIds is not a list");
                }
                merged.forEach(id -> ids.add(parseUuid(id.asText(), "mergedIds")));
                ids.forEach(this::erase);
            }
            default -> LOG.debugf("contact-service ignores %s", event.type());
        }
    }

    record CustomerSnapshot(UUID id, String status, String displayName, String preferredChannel, String mailingAddress,
                            long version) {
    }

    private CustomerSnapshot customerSnapshot(JsonNode customer) {
        if (!customer.isObject()) {
            throw new MalformedEvent("data.customer is missing");
        }
        UUID id = uuid(customer, "id", true);
        if (!customer.path("version").canConvertToLong()) {
            throw new MalformedEvent("data.customer.version is missing");
        }
        String displayName = text(customer, "displayName");
        if (displayName == null) {
            String given = text(customer, "givenName");
            String family = text(customer, "familyName");
            displayName = given == null ? family : family == null ? given : given + " " + family;
        }
        String mailing = null;
        JsonNode addresses = customer.path("addresses");
        for (JsonNode address : addresses) {
            if (address.path("mailing").asBoolean(false)) {
                mailing = address.toString();
            }
        }
        if (mailing == null && addresses.isArray() && !addresses.isEmpty()) {
            mailing = addresses.get(0).toString();
        }
        return new CustomerSnapshot(id, text(customer, "status"), displayName,
                text(customer.path("preferences"), "preferredChannel"), mailing, customer.path("version").asLong());
    }

    private void upsertCustomer(CustomerSnapshot snapshot) {
        CustomerReplica replica = readModel.customer(snapshot.id()).orElse(null);
        if (replica == null) {
            replica = newCustomer(snapshot.id(), CustomerReplica.ACTIVE);
        }
        if (replica.erased() || replica.merged() || snapshot.version() <= replica.version) {
            return; // erased and merged are final; an older state arriving late changes nothing
        }
        replica.version = snapshot.version();
        replica.updatedAt = now();
        replica.displayName = snapshot.displayName();
        replica.preferredChannel = snapshot.preferredChannel();
        replica.mailingAddress = snapshot.mailingAddress();
    }

    private CustomerReplica newCustomer(UUID id, String status) {
        CustomerReplica replica = new CustomerReplica();
        replica.id = id;
        replica.status = status;
        replica.version = -1;
        replica.updatedAt = now();
        readModel.persist(replica);
        return replica;
    }

    /** The retired record now belongs to the survivor: its contacts, timeline and issues move over. */
    private void retire(UUID retired, UUID survivor) {
        if (retired.equals(survivor)) {
            throw new MalformedEvent("customer.merged retires its own survivor " + survivor);
        }
        CustomerReplica replica = readModel.customer(retired).orElse(null);
        if (replica == null) {
            replica = newCustomer(retired, CustomerReplica.MERGED);
        } else if (replica.erased()) {
            return;
        }
        replica.status = CustomerReplica.MERGED;
        replica.mergedInto = survivor;
        replica.clearPersonalData();
        replica.updatedAt = now();
        contacts.repoint(retired, survivor);
        readModel.repoint(retired, survivor);
    }

    /** Removes every piece of personal data about the customer; anonymised contacts keep the non-personal facts. */
    private void erase(UUID customerId) {
        CustomerReplica replica = readModel.customer(customerId).orElse(null);
        if (replica == null) {
            replica = newCustomer(customerId, CustomerReplica.ERASED);
        }
        replica.status = CustomerReplica.ERASED;
        replica.mergedInto = null;
        replica.clearPersonalData();
        replica.updatedAt = now();
        for (Contact contact : contacts.ofCustomer(customerId)) {
            idempotency.forget(contact.id);
        }
        contacts.flush();
        contacts.anonymise(customerId);
        readModel.forget(customerId);
        for (CustomerReplica merged : readModel.mergedInto(customerId)) {
            erase(merged.id);
        }
    }

    // ---- issue.events ----------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyIssueEvent(CloudEvent event) {
        if (!ISSUE_TYPES.contains(event.type())) {
            LOG.debugf("contact-service ignores %s", event.type());
            return;
        }
        JsonNode data = data(event);
        JsonNode issue = data.path("issue");
        if (!issue.isObject()) {
            throw new MalformedEvent(event.type() + " has no data.issue");
        }
        UUID issueId = uuid(issue, "id", true);
        UUID customerId = timeline.currentCustomerId(uuid(issue, "customerId", true));
        String status = text(issue, "status");
        if (status == null || !issue.path("version").canConvertToLong()) {
            throw new MalformedEvent(event.type() + " data.issue lacks status or version");
        }
        long version = issue.path("version").asLong();
        JsonNode nextAction = issue.path("nextAction");
        OffsetDateTime dueAt = time(nextAction, "dueAt");
        JsonNode change = data.path("change");
        JsonNode actor = data.path("actor");
        String text = describe(event.type(), issue, change);
        boolean internal = "issue.commented".equals(event.type()) && "internal".equals(text(change, "visibility"));
        if (readModel.customer(customerId).filter(CustomerReplica::erased).isPresent()) {
            return; // nothing of an erased customer is kept
        }

        IssueReplica replica = readModel.issue(issueId).orElse(null);
        if (replica == null) {
            replica = new IssueReplica();
            replica.id = issueId;
            replica.version = -1;
            replica.customerId = customerId;
            replica.status = status;
            replica.updatedAt = now();
            readModel.persist(replica);
        }
        if (version > replica.version) {
            replica.version = version;
            replica.customerId = customerId;
            replica.number = text(issue, "number");
            replica.title = text(issue, "title");
            replica.status = status;
            replica.nextActionWhat = text(nextAction, "what");
            replica.nextActionWho = text(nextAction, "who");
            replica.nextActionDueAt = dueAt;
            replica.updatedAt = now();
        }

        if (readModel.entry(event.id()).isPresent()) {
            return;
        }
        TimelineEntry entry = new TimelineEntry();
        entry.id = event.id();
        entry.customerId = customerId;
        entry.kind = TimelineEntry.ISSUE;
        entry.type = event.type();
        entry.occurredAt = event.time() != null ? event.time() : now();
        Channel channel = Channel.parseOrNull(text(actor, "channel"));
        entry.channel = channel == null ? null : channel.name();
        entry.issueId = issueId;
        entry.issueNumber = text(issue, "number");
        entry.internal = internal;
        entry.text = text;
        ObjectNode detail = mapper.createObjectNode();
        detail.put("issueStatus", status);
        if (change.isObject()) {
            ObjectNode safeChange = change.deepCopy();
            safeChange.remove("statusUrl"); // the customer's secret link stays out of the read model
            detail.set("change", safeChange);
        }
        if (actor.isObject()) {
            detail.set("actor", actor);
        }
        detail.put("version", version);
        entry.detail = detail.toString();
        readModel.persist(entry);
    }

    /** A one-line description of an issue event, as an agent reads it on the timeline. */
    private static String describe(String type, JsonNode issue, JsonNode change) {
        String number = text(issue, "number");
        String label = "Issue " + (number == null ? "" : number + " ");
        return switch (type) {
            case "issue.opened" -> label + "opened: " + nullToEmpty(text(issue, "title"));
            case "issue.assigned" -> label + "now owned by " + nullToEmpty(text(change.path("owner"), "displayName"))
                    + (text(change, "introduction") == null ? "" : ": " + text(change, "introduction"));
            case "issue.next-action-set" -> label + "next action: " + nullToEmpty(text(change, "what"))
                    + (text(change, "who") == null ? "" : " (" + text(change, "who")
                    + (text(change, "dueAt") == null ? "" : ", by " + text(change, "dueAt")) + ")");
            case "issue.commented" -> label + ("internal".equals(text(change, "visibility")) ? "internal note: " : "comment: ")
                    + nullToEmpty(text(change, "text"));
            case "issue.action-taken" -> label + "action taken: " + nullToEmpty(text(change, "kind"))
                    + (text(change, "note") == null ? "" : " — " + text(change, "note"));
            case "issue.status-changed" -> label + "status " + nullToEmpty(text(change, "from")) + " → "
                    + nullToEmpty(text(change, "to"));
            case "issue.closed" -> label + "closed by " + nullToEmpty(text(change, "by"));
            case "issue.reopened" -> label + "reopened" + (text(change, "reason") == null ? "" : ": " + text(change, "reason"));
            default -> label + type;
        };
    }

    // ---- notification.events ---------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyNotificationEvent(CloudEvent event) {
        if (!NOTIFICATION_TYPES.contains(event.type())) {
            LOG.debugf("contact-service ignores %s", event.type());
            return;
        }
        JsonNode notification = data(event).path("notification");
        if (!notification.isObject()) {
            throw new MalformedEvent(event.type() + " has no data.notification");
        }
        UUID id = uuid(notification, "id", true);
        UUID customerId = timeline.currentCustomerId(uuid(notification, "customerId", true));
        UUID issueId = uuid(notification, "issueId", false);
        String status = text(notification, "status");
        Integer rank = status == null ? null : NOTIFICATION_RANK.get(status);
        if (rank == null) {
            throw new MalformedEvent(event.type() + " has an unknown status " + status);
        }
        Channel channel = Channel.parseOrNull(text(notification, "channel"));
        OffsetDateTime sentAt = time(notification, "sentAt");
        OffsetDateTime createdAt = time(notification, "createdAt");
        if (readModel.customer(customerId).filter(CustomerReplica::erased).isPresent()) {
            return;
        }
        TimelineEntry existing = readModel.entry(id).orElse(null);
        if (existing != null && rank < existing.rank) {
            return; // a late, earlier delivery state
        }
        TimelineEntry entry = existing != null ? existing : new TimelineEntry();
        entry.id = id;
        entry.kind = TimelineEntry.NOTIFICATION;
        entry.customerId = customerId;
        entry.type = event.type();
        entry.rank = rank;
        entry.occurredAt = createdAt != null ? createdAt : sentAt != null ? sentAt : event.time() != null ? event.time() : now();
        entry.channel = channel == null ? null : channel.name();
        entry.issueId = issueId;
        entry.issueNumber = issueId == null ? null : readModel.issue(issueId).map(i -> i.number).orElse(null);
        entry.internal = false;
        String summary = text(notification, "summary");
        String subject = text(notification, "subject");
        entry.text = summary != null ? summary : subject != null ? subject : text(notification, "template");
        ObjectNode detail = mapper.createObjectNode();
        detail.put("notificationId", id.toString());
        detail.put("status", status);
        detail.put("delivered", "delivered".equals(status));
        for (String field : List.of("category", "reason", "subject", "template", "language", "dueAt", "deliveredAt")) {
            if (text(notification, field) != null) {
                detail.put(field, text(notification, field));
            }
        }
        if (notification.path("attempts").canConvertToInt()) {
            detail.put("attempts", notification.path("attempts").asInt());
        }
        if (sentAt != null) {
            detail.put("sentAt", sentAt.toString());
        }
        if (notification.path("trigger").isObject()) {
            detail.set("trigger", notification.path("trigger"));
        }
        entry.detail = detail.toString();
        if (existing == null) {
            readModel.persist(entry);
        }
    }

    // ---- reading event data ----------------------------------------------------------------------------------

    private static JsonNode data(CloudEvent event) {
        if (event.data() == null || !event.data().isObject()) {
            throw new MalformedEvent(event.type() + " " + event.id() + " has no data object");
        }
        return event.data();
    }

    private static UUID uuid(JsonNode node, String field, boolean required) {
        String value = text(node, field);
        if (value == null) {
            if (required) {
                throw new MalformedEvent("missing " + field);
            }
            return null;
        }
        return parseUuid(value, field);
    }

    private static UUID parseUuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent(field + " is not a UUID: " + value);
        }
    }

    private static OffsetDateTime time(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEvent(field + " is not a date-time: " + value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
