package dev.anchor.contact.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies notification.events to the customer's timeline: one entry per notification, updated as its delivery state
 * advances (a late, earlier state changes nothing). Runs in the inbox's transaction and checks the event before it
 * writes, so a malformed one ({@link MalformedEvent}) changes nothing; types outside the contract are ignored.
 */
@ApplicationScoped
public class NotificationProjection {

    private static final Logger LOG = Logger.getLogger(NotificationProjection.class);
    /** Delivery states in the order they advance; failed and suppressed are as final as delivered is later. */
    private static final Map<String, Integer> RANK = Map.of(
            "queued", 0, "sent", 1, "suppressed", 2, "failed", 2, "delivered", 3);
    /** The text fields of a notification kept in the entry's detail as they are. */
    private static final List<String> DETAIL_FIELDS = List.of("category", "reason", "subject", "template", "language",
            "dueAt", "deliveredAt");

    /** The notification types of docs/event-contracts.md; others are ignored, as the contract says. */
    static final Set<String> TYPES = Set.of("notification.sent", "notification.failed", "notification.suppressed",
            "notification.delivered");

    /** The customer answered an SMS; notification-service tells who and about which issue, never the number. */
    static final String REPLY_RECEIVED = "notification.reply-received";

    private final TimelineEntries timeline;
    private final CustomerReplicas customers;
    private final IssueReplicas issues;
    private final CustomerReplies replies;
    private final ObjectMapper mapper;
    private final Clock clock;

    public NotificationProjection(TimelineEntries timeline, CustomerReplicas customers, IssueReplicas issues,
                                  CustomerReplies replies, ObjectMapper mapper, Clock clock) {
        this.timeline = timeline;
        this.customers = customers;
        this.issues = issues;
        this.replies = replies;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (REPLY_RECEIVED.equals(event.type())) {
            replies.smsReply(EventData.of(event).object("reply"));
            return;
        }
        if (!TYPES.contains(event.type())) {
            LOG.debugf("contact-service ignores %s", event.type());
            return;
        }
        EventData notification = EventData.of(event).object("notification");
        UUID id = notification.uuid("id");
        // the erasure's lock: an erasure under way finishes first, and then this event finds the customer erased
        customers.lock(notification.uuid("customerId"));
        UUID customerId = customers.currentId(notification.uuid("customerId"));
        UUID issueId = notification.optionalUuid("issueId");
        String status = notification.text("status");
        Integer rank = RANK.get(status);
        if (rank == null) {
            throw new MalformedEvent(event.type() + " has an unknown status " + status);
        }
        Channel channel = Channel.parseOrNull(notification.optionalText("channel"));
        OffsetDateTime sentAt = notification.optionalTime("sentAt");
        OffsetDateTime createdAt = notification.optionalTime("createdAt");
        String summary = notification.optionalText("summary");
        String subject = notification.optionalText("subject");
        String template = notification.optionalText("template");
        String detail = detail(notification, id, status, sentAt);
        if (customers.isErased(customerId)) {
            return; // nothing of an erased customer is kept
        }
        String replyTo = notification.optionalText("replyTo");
        if (replyTo != null && issueId != null) {
            replies.learnRoute(replyTo, issueId, customerId);
        }
        TimelineEntry existing = timeline.find(id);
        if (existing != null && rank < existing.rank) {
            return; // a late, earlier delivery state
        }
        TimelineEntry entry = existing != null ? existing : new TimelineEntry();
        entry.id = id;
        entry.kind = TimelineEntry.NOTIFICATION;
        entry.customerId = customerId;
        entry.type = event.type();
        entry.rank = rank;
        entry.occurredAt = createdAt != null ? createdAt : sentAt != null ? sentAt
                : event.time() != null ? event.time() : ServiceClock.now(clock);
        entry.channel = channel == null ? null : channel.name();
        entry.issueId = issueId;
        IssueReplica issue = issueId == null ? null : issues.find(issueId);
        entry.issueNumber = issue == null ? null : issue.number;
        entry.internal = false;
        entry.text = summary != null ? summary : subject != null ? subject : template;
        entry.detail = detail;
        if (existing == null) {
            timeline.add(entry);
        }
    }

    /** What the entry says about the notification besides its text: state, delivery, attempts, what caused it. */
    private String detail(EventData notification, UUID id, String status, OffsetDateTime sentAt) {
        ObjectNode detail = mapper.createObjectNode();
        detail.put("notificationId", id.toString());
        detail.put("status", status);
        detail.put("delivered", "delivered".equals(status));
        for (String field : DETAIL_FIELDS) {
            String value = notification.optionalText(field);
            if (value != null) {
                detail.put(field, value);
            }
        }
        if (notification.has("attempts")) {
            detail.put("attempts", notification.integer("attempts"));
        }
        if (sentAt != null) {
            detail.put("sentAt", sentAt.toString());
        }
        notification.optionalObject("trigger").ifPresent(trigger -> detail.set("trigger", trigger.json()));
        return detail.toString();
    }
}
