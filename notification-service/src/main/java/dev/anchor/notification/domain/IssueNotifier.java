package dev.anchor.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides, for each issue event, whether and how to tell the customer — consent, channel, address, coalescing,
 * quiet hours — and records the outcome: a queued message, or a suppressed one with its reason.
 */
@ApplicationScoped
public class IssueNotifier {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IssueNotifier.class);

    private final EntityManager em;
    private final Clock clock;
    private final Settings settings;
    private final CustomerReplicas customers;
    private final Renderer renderer;
    private final NotificationEvents events;
    private final Event<MessagesQueued> queued;

    /** Fired when messages were queued, so the dispatcher wakes right after the commit. */
    public record MessagesQueued() {
    }

    public IssueNotifier(EntityManager em, Clock clock, Settings settings, CustomerReplicas customers, Renderer renderer,
                         NotificationEvents events, Event<MessagesQueued> queued) {
        this.em = em;
        this.clock = clock;
        this.settings = settings;
        this.customers = customers;
        this.renderer = renderer;
        this.events = events;
        this.queued = queued;
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
        IssueReplica replica = replicate(issueId, type, issue, change);
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
        decide(eventId, type, template.get(), issueId, customerId, issue, change, replica);
    }

    private IssueReplica replicate(UUID id, String type, JsonNode issue, JsonNode change) {
        long version = issue.path("version").asLong(0);
        IssueReplica r = em.find(IssueReplica.class, id);
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
        }
        r.updatedAt = OffsetDateTime.now(clock);
        if (isNew) {
            em.persist(r);
        }
        return r;
    }

    private void decide(UUID eventId, String type, Template template, UUID issueId, UUID customerId, JsonNode issue,
                        JsonNode change, IssueReplica replica) {
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
        n.urgent = "urgent".equals(issue.path("priority").asText());
        n.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        n.status = "queued";
        if (found.isEmpty()) {
            suppress(n, "unknown-customer");
            return;
        }
        CustomerContact c = found.get();
        if (!c.active()) {
            suppress(n, "customer-" + c.status);
            return;
        }
        ZoneId zone = zone(c.timeZone);
        Renderer.Rendered rendered;
        try {
            rendered = renderer.render(template, c.language, issue, change, c.displayName, replica.statusUrl, zone);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Template %s could not be rendered for event %s", template.id, eventId);
            suppress(n, "template-error");
            return;
        }
        n.language = rendered.language();
        n.subject = rendered.subject();
        n.summary = rendered.summary();
        n.bodyText = rendered.text();
        n.bodyHtml = rendered.html();
        n.smsText = rendered.sms();
        if (template.category == Template.Category.service && !c.consentService
                || template.category == Template.Category.marketing && !c.consentMarketing) {
            suppress(n, "no-consent:" + template.category);
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
        if (coalesced(n, now)) {
            return;
        }
        Instant due = now;
        if (!n.urgent) {
            Optional<Instant> morning = quietHours(c, zone).flatMap(q -> q.deferral(now));
            if (morning.isPresent()) {
                due = morning.get();
                n.reason = "quiet-hours";
            }
        }
        n.dueAt = OffsetDateTime.ofInstant(due, ZoneOffset.UTC);
        em.persist(n);
        queued.fire(new MessagesQueued());
    }

    /**
     * Rapid changes to one issue make one message: a message still waiting is replaced by the newer one (it reads
     * the issue's latest state); after one went out, further non-critical changes inside the window are suppressed.
     */
    private boolean coalesced(Notification n, Instant now) {
        OffsetDateTime since = OffsetDateTime.ofInstant(now.minus(settings.coalesceWindow()), ZoneOffset.UTC);
        List<Notification> recent = em.createQuery("""
                from Notification n where n.issueId = :issue and n.customerId = :customer and n.createdAt >= :since
                and n.status <> 'suppressed' and n.status <> 'failed' order by n.createdAt desc""", Notification.class)
                .setParameter("issue", n.issueId).setParameter("customer", n.customerId).setParameter("since", since)
                .getResultList();
        for (Notification earlier : recent) {
            boolean newIsCritical = Template.Category.critical.name().equals(n.category);
            if ("queued".equals(earlier.status) && earlier.attempts == 0
                    && (newIsCritical || !Template.Category.critical.name().equals(earlier.category))) {
                earlier.status = "suppressed";
                earlier.reason = "coalesced";
                earlier.dueAt = null;
                events.published(earlier);
                continue;
            }
            if (!newIsCritical) {
                suppress(n, "coalesced");
                return true;
            }
        }
        return false;
    }

    private boolean alreadyDecided(UUID eventId, UUID customerId) {
        return em.createQuery("select count(n) from Notification n where n.triggerEventId = :e and n.customerId = :c",
                Long.class).setParameter("e", eventId).setParameter("c", customerId).getSingleResult() > 0;
    }

    private void suppress(Notification n, String reason) {
        n.status = "suppressed";
        n.reason = reason;
        n.dueAt = null;
        em.persist(n);
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
}
