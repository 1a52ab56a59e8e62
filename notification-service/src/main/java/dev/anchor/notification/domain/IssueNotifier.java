package dev.anchor.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides, for each issue event (and each contact summary the customer asked for), whether and how to tell the
 * customer — customer known, consent, channel, address, coalescing, quiet hours — and records the outcome: a queued
 * message, or a suppressed one with its reason. A message whose customer is not known yet waits for them
 * ({@code awaiting-customer}) and is decided again when they arrive.
 */
@ApplicationScoped
public class IssueNotifier {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IssueNotifier.class);

    public static final String AWAITING_CUSTOMER = "awaiting-customer";
    public static final String COALESCING = "coalescing";
    public static final String QUIET_HOURS = "quiet-hours";
    public static final String NOTHING_NEW = "nothing-new";
    private static final String CONTACT_LOGGED = "contact.logged";

    private final EntityManager em;
    private final Clock clock;
    private final Settings settings;
    private final CustomerReplicas customers;
    private final Renderer renderer;
    private final NotificationEvents events;
    private final Event<MessagesQueued> queued;
    private final ObjectMapper mapper;

    /** Fired when messages were queued, so the dispatcher wakes right after the commit. */
    public record MessagesQueued() {
    }

    public IssueNotifier(EntityManager em, Clock clock, Settings settings, CustomerReplicas customers, Renderer renderer,
                         NotificationEvents events, Event<MessagesQueued> queued, ObjectMapper mapper) {
        this.em = em;
        this.clock = clock;
        this.settings = settings;
        this.customers = customers;
        this.renderer = renderer;
        this.events = events;
        this.queued = queued;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID eventId, String type, JsonNode data) {
        JsonNode issue = data.path("issue");
        if (!issue.isObject()) {
            return;
        }
        JsonNode change = data.path("change");
        UUID issueId = CustomerReplicas.uuid(issue.path("id"));
        if (issueId == null) {
            return;
        }
        IssueReplica known = em.find(IssueReplica.class, issueId);
        String ownerBefore = known == null ? null : known.ownerId;
        IssueReplica replica = replicate(known, issueId, type, issue, change);
        Optional<Template> template = Template.forEvent(type, change);
        if (template.isEmpty()) {
            return;
        }
        UUID customerId = CustomerReplicas.uuid(issue.path("customerId"));
        if (customerId == null) {
            customerId = replica.customerId;
        }
        if (customerId == null) {
            return;
        }
        boolean urgent = "urgent".equals(issue.path("priority").asText());
        ObjectNode part = part(eventId, type, template.get(), urgent, issue, change);
        if (firstOwnerAlreadyNamed(type, change, ownerBefore)) {
            part.put(NOTHING_NEW, true);
        }
        candidate(eventId, type, template.get(), issueId, customerId, urgent, part);
    }

    /**
     * The agent who opened the issue and took it at once: issue.opened already named them to the customer, so the
     * issue.assigned that follows tells nothing new (a handoff always names a previous owner).
     */
    private static boolean firstOwnerAlreadyNamed(String type, JsonNode change, String ownerBefore) {
        return "issue.assigned".equals(type) && change.path("previousOwner").isMissingNode()
                && ownerBefore != null && ownerBefore.equals(CustomerReplicas.text(change.path("owner").path("id")));
    }

    /**
     * contact.events: a {@code contact.logged} whose customer asked for the summary ({@code summaryRequested}) and that
     * has one becomes a {@code contact-summary} message; anything else (amendments included) sends nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyContact(UUID eventId, String type, JsonNode data) {
        if (!CONTACT_LOGGED.equals(type) || data == null) {
            return;
        }
        JsonNode contact = data.path("contact");
        if (!contact.isObject()) {
            return;
        }
        Optional<Template> template = Template.forEvent(type, contact);
        UUID customerId = CustomerReplicas.uuid(contact.path("customerId"));
        if (template.isEmpty() || customerId == null) {
            return;
        }
        UUID issueId = CustomerReplicas.uuid(contact.path("issueId"));
        ObjectNode part = part(eventId, type, template.get(), false, null, contact);
        candidate(eventId, type, template.get(), issueId, customerId, false, part);
    }

    /**
     * customer.events changed the replica of these customers: messages waiting for them are decided now, in the same
     * transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void customersChanged(String type, JsonNode data) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (data == null || !data.isObject()) {
            return;
        }
        ids.add(CustomerReplicas.uuid(data.path("customer").path("id")));
        ids.add(CustomerReplicas.uuid(data.path("survivorId")));
        ids.add(CustomerReplicas.uuid(data.path("retiredId")));
        ids.add(CustomerReplicas.uuid(data.path("customerId")));
        data.path("mergedIds").forEach(id -> ids.add(CustomerReplicas.uuid(id)));
        ids.remove(null);
        if (ids.isEmpty()) {
            return;
        }
        List<Notification> held = em.createQuery("""
                from Notification n where n.status = 'queued' and n.reason = :awaiting and n.customerId in :ids
                order by n.createdAt""", Notification.class)
                .setParameter("awaiting", AWAITING_CUSTOMER).setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        held.forEach(this::decideAgain);
    }

    /**
     * Messages waiting for their customer: decided once the customer is known (also catches a customer that arrived
     * while the message was being held), suppressed with {@code unknown-customer} once the wait is over. Runs in its
     * own transaction; rows another worker holds are skipped.
     *
     * @return how many were decided or given up
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public int reviewHeld() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<UUID> ids = em.createNativeQuery("""
                select n.id from notification n where n.status = 'queued' and n.reason = :awaiting
                and (n.due_at <= :now or exists (select 1 from customer_contact c where c.id = n.customer_id))
                order by n.due_at limit 50 for update of n skip locked""", UUID.class)
                .setParameter("awaiting", AWAITING_CUSTOMER).setParameter("now", now).getResultList();
        int done = 0;
        for (UUID id : ids) {
            Notification n = em.find(Notification.class, id);
            if (n == null || !"queued".equals(n.status) || !AWAITING_CUSTOMER.equals(n.reason)) {
                continue;
            }
            if (decideAgain(n)) {
                done++;
            } else if (n.dueAt != null && !n.dueAt.isAfter(now)) {
                suppress(n, "unknown-customer");
                done++;
            }
        }
        return done;
    }

    /** Brings the issue replica ({@code known}, or a new one) up to the event's state. */
    private IssueReplica replicate(IssueReplica known, UUID id, String type, JsonNode issue, JsonNode change) {
        long version = issue.path("version").asLong(0);
        IssueReplica r = known;
        boolean isNew = r == null;
        if (isNew) {
            r = new IssueReplica();
            r.id = id;
            r.version = -1;
        }
        if ("issue.opened".equals(type) && CustomerReplicas.text(change.path("statusUrl")) != null) {
            r.statusUrl = change.path("statusUrl").asText();
        }
        if (version > r.version) {
            r.version = version;
            r.number = CustomerReplicas.text(issue.path("number"));
            UUID customer = CustomerReplicas.uuid(issue.path("customerId"));
            r.customerId = customer == null ? r.customerId : customers.resolve(customer).map(c -> c.id).orElse(customer);
            r.title = CustomerReplicas.text(issue.path("title"));
            r.status = CustomerReplicas.text(issue.path("status"));
            r.statusLabel = CustomerReplicas.text(issue.path("customerStatusLabel"));
            r.priority = CustomerReplicas.text(issue.path("priority"));
            r.ownerName = CustomerReplicas.text(issue.path("owner").path("displayName"));
            r.ownerId = CustomerReplicas.text(issue.path("owner").path("id"));
        }
        r.updatedAt = OffsetDateTime.now(clock);
        if (isNew) {
            em.persist(r);
        }
        return r;
    }

    private ObjectNode part(UUID eventId, String type, Template template, boolean urgent, JsonNode issue, JsonNode change) {
        ObjectNode part = mapper.createObjectNode();
        part.put("eventId", eventId.toString());
        part.put("type", type);
        part.put("template", template.id);
        part.put("urgent", urgent);
        if (issue != null && issue.isObject()) {
            part.set("issue", issue);
        }
        part.set("change", change != null && change.isObject() ? change : mapper.createObjectNode());
        return part;
    }

    /** A new candidate message: held while its customer is unknown, otherwise decided at once. */
    private void candidate(UUID eventId, String type, Template template, UUID issueId, UUID customerId, boolean urgent,
                           ObjectNode part) {
        Optional<CustomerContact> found = customers.resolve(customerId);
        UUID recipientId = found.map(c -> c.id).orElse(customerId);
        if (alreadyDecided(eventId, recipientId)) {
            return;
        }
        Instant now = clock.instant();
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.customerId = recipientId;
        n.issueId = issueId;
        n.triggerEventId = eventId;
        n.triggerType = type;
        n.template = template.id;
        n.category = template.category.name();
        n.urgent = urgent;
        n.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        n.status = "queued";
        n.parts = write(mapper.createArrayNode().add(part));
        if (found.isEmpty()) {
            // the customer's own event has not reached us yet (customer.events behind issue.events): wait for it
            n.reason = AWAITING_CUSTOMER;
            n.dueAt = OffsetDateTime.ofInstant(now.plus(settings.awaitCustomer()), ZoneOffset.UTC);
            em.persist(n);
            return;
        }
        decide(n, found.get(), now);
    }

    /** A held message whose customer may now be known: decided with all the rules; false while still unknown. */
    private boolean decideAgain(Notification n) {
        Optional<CustomerContact> found = customers.resolve(n.customerId);
        if (found.isEmpty()) {
            return false;
        }
        n.customerId = found.get().id;
        n.reason = null;
        decide(n, found.get(), clock.instant());
        return true;
    }

    /** Decides {@code n} (new, or held and decided again) for a known customer. */
    private void decide(Notification n, CustomerContact c, Instant now) {
        if (!c.active()) {
            suppress(n, "customer-" + c.status);
            return;
        }
        ZoneId zone = zone(c.timeZone);
        if (!render(n, parts(n), c, zone)) {
            return;
        }
        Template.Category category = Template.Category.valueOf(n.category);
        if (category == Template.Category.service && !c.consentService
                || category == Template.Category.marketing && !c.consentMarketing) {
            suppress(n, "no-consent:" + category);
            return;
        }
        Channels.Choice choice = Channels.choose(c, settings.defaultChannel(), this::addressSuppressed);
        n.channel = choice.channel();
        n.fallbackChannel = choice.fallback();
        if (choice.channel() == null || choice.reason() != null) {
            if (n.channel == null) {
                n.channel = c.preferredChannel == null ? settings.defaultChannel() : c.preferredChannel;
            }
            suppress(n, choice.reason());
            return;
        }
        JsonNode stored = read(n.parts);
        if (stored.size() == 1 && stored.get(0).path(NOTHING_NEW).asBoolean()) {
            suppress(n, NOTHING_NEW);
            return;
        }
        Instant due = now;
        String reason = null;
        if (coalesces(n)) {
            List<Notification> others = others(n);
            boolean critical = Template.Category.critical.name().equals(n.category);
            if (!critical) {
                Optional<Instant> held = windowAfterLastSent(others, now);
                if (held.isPresent()) {
                    due = held.get();
                    reason = COALESCING;
                }
            }
            List<Notification> waiting = others.stream().filter(o -> "queued".equals(o.status) && o.attempts == 0
                    && !AWAITING_CUSTOMER.equals(o.reason) && o.parts != null).toList();
            if (!waiting.isEmpty()) {
                Notification earliest = waiting.stream().min(Comparator.comparing(o -> o.dueAt)).orElseThrow();
                absorb(n, waiting);
                boolean goesNow = Template.Category.critical.name().equals(n.category) || n.urgent;
                if (goesNow) {
                    due = now;
                    reason = null;
                } else if (earliest.dueAt.toInstant().isBefore(due)) {
                    // the combined message keeps the earlier due time of the two
                    due = earliest.dueAt.toInstant().isAfter(now) ? earliest.dueAt.toInstant() : now;
                    reason = due.isAfter(now) ? earliest.reason : null;
                }
                if (!render(n, parts(n), c, zone)) {
                    return; // the waiting ones stay as they were
                }
                for (Notification w : waiting) {
                    w.settle("suppressed", "coalesced");
                    events.published(w);
                }
            }
        }
        if (!n.urgent) {
            Instant at = due;
            Optional<Instant> morning = quietHours(c, zone).flatMap(q -> q.deferral(at));
            if (morning.isPresent()) {
                due = morning.get();
                reason = QUIET_HOURS;
            }
        }
        n.status = "queued";
        n.reason = reason;
        n.dueAt = OffsetDateTime.ofInstant(due, ZoneOffset.UTC);
        if (!em.contains(n)) {
            em.persist(n);
        }
        if (!due.isAfter(now)) {
            queued.fire(new MessagesQueued());
        }
    }

    /** Contact summaries the customer asked for are never combined; issue messages are, per issue and customer. */
    private static boolean coalesces(Notification n) {
        return n.issueId != null && !CONTACT_LOGGED.equals(n.triggerType);
    }

    /** The other live messages about the same issue to the same customer, oldest first, locked against the dispatcher. */
    private List<Notification> others(Notification n) {
        return em.createQuery("""
                from Notification o where o.issueId = :issue and o.customerId = :customer and o.id <> :self
                and o.triggerType <> :contact and o.status in ('queued', 'sent', 'delivered')
                order by o.createdAt""", Notification.class)
                .setParameter("issue", n.issueId).setParameter("customer", n.customerId).setParameter("self", n.id)
                .setParameter("contact", CONTACT_LOGGED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The end of the coalescing window when a message about the issue went out (or is being attempted) within it. */
    private Optional<Instant> windowAfterLastSent(List<Notification> others, Instant now) {
        Instant until = null;
        for (Notification o : others) {
            boolean out = "sent".equals(o.status) || "delivered".equals(o.status)
                    || "queued".equals(o.status) && o.attempts > 0;
            if (!out) {
                continue;
            }
            Instant at = (o.sentAt != null ? o.sentAt : o.createdAt).toInstant().plus(settings.coalesceWindow());
            if (at.isAfter(now) && (until == null || at.isAfter(until))) {
                until = at;
            }
        }
        return Optional.ofNullable(until);
    }

    /** {@code n} takes over the waiting messages' parts (in the order they were created) and the most critical category. */
    private void absorb(Notification n, List<Notification> waiting) {
        List<Notification> all = new ArrayList<>(waiting);
        all.add(n);
        all.sort(Comparator.comparing((Notification o) -> o.createdAt).thenComparing(o -> o == n ? 1 : 0));
        ArrayNode combined = mapper.createArrayNode();
        Template.Category category = Template.Category.valueOf(n.category);
        for (Notification o : all) {
            JsonNode stored = o == n ? read(n.parts) : read(o.parts);
            stored.forEach(combined::add);
            category = Template.mostCritical(category, Template.Category.valueOf(o.category));
            n.urgent |= o.urgent;
        }
        n.parts = write(combined);
        n.category = category.name();
    }

    /** What {@code n} tells, one part per event, ready to render. */
    private List<Renderer.Part> parts(Notification n) {
        List<Renderer.Part> parts = new ArrayList<>();
        for (JsonNode p : read(n.parts)) {
            Template template = Template.byId(p.path("template").asText()).orElse(null);
            if (template == null) {
                continue;
            }
            JsonNode issue = p.path("issue");
            if (!issue.isObject()) {
                issue = issueFromReplica(n.issueId);
            }
            parts.add(new Renderer.Part(template, issue, p.path("change")));
        }
        return parts;
    }

    /** What the replica knows of an issue, in the shape issue events carry it (for a contact summary naming it). */
    private JsonNode issueFromReplica(UUID issueId) {
        ObjectNode issue = mapper.createObjectNode();
        IssueReplica r = issueId == null ? null : em.find(IssueReplica.class, issueId);
        if (r != null) {
            issue.put("id", r.id.toString());
            if (r.number != null) {
                issue.put("number", r.number);
            }
            if (r.title != null) {
                issue.put("title", r.title);
            }
            if (r.status != null) {
                issue.put("status", r.status);
            }
            if (r.statusLabel != null) {
                issue.put("customerStatusLabel", r.statusLabel);
            }
            if (r.ownerName != null) {
                issue.putObject("owner").put("displayName", r.ownerName);
            }
        }
        return issue;
    }

    /** Renders {@code n} in the customer's language; false (and suppressed) when a template fails. */
    private boolean render(Notification n, List<Renderer.Part> parts, CustomerContact c, ZoneId zone) {
        if (parts.isEmpty()) {
            suppress(n, "template-error");
            return false;
        }
        IssueReplica replica = n.issueId == null ? null : em.find(IssueReplica.class, n.issueId);
        String statusUrl = replica == null ? null : replica.statusUrl;
        Renderer.Rendered rendered;
        try {
            rendered = renderer.render(parts, c.language, c.displayName, statusUrl, zone);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Template %s could not be rendered for event %s", n.template, n.triggerEventId);
            suppress(n, "template-error");
            return false;
        }
        if (parts.size() > 1) {
            n.template = Template.DIGEST;
        }
        n.language = rendered.language();
        n.subject = rendered.subject();
        n.summary = rendered.summary();
        n.bodyText = rendered.text();
        n.bodyHtml = rendered.html();
        n.smsText = rendered.sms();
        return true;
    }

    private boolean alreadyDecided(UUID eventId, UUID customerId) {
        return em.createQuery("select count(n) from Notification n where n.triggerEventId = :e and n.customerId = :c",
                Long.class).setParameter("e", eventId).setParameter("c", customerId).getSingleResult() > 0;
    }

    private void suppress(Notification n, String reason) {
        n.settle("suppressed", reason);
        if (!em.contains(n)) {
            em.persist(n);
        }
        events.published(n);
    }

    private boolean addressSuppressed(String channel, String address) {
        return em.find(AddressSuppression.class, new AddressSuppression.Key(channel, address)) != null;
    }

    private Optional<QuietHours> quietHours(CustomerContact c, ZoneId zone) {
        if (c.quietStart != null && c.quietEnd != null) {
            return QuietHours.of(c.quietStart, c.quietEnd, zone.getId());
        }
        return QuietHours.of(settings.defaultQuietStart(), settings.defaultQuietEnd(), zone.getId());
    }

    ZoneId zone(String id) {
        try {
            return ZoneId.of(id == null ? settings.defaultTimeZone() : id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private JsonNode read(String json) {
        try {
            JsonNode node = json == null ? null : mapper.readTree(json);
            return node == null || !node.isArray() ? mapper.createArrayNode() : node;
        } catch (JsonProcessingException e) {
            LOG.warnf("Unreadable parts of a notification: %s", e.getOriginalMessage());
            return mapper.createArrayNode();
        }
    }

    private String write(JsonNode parts) {
        try {
            return mapper.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
