package dev.anchor.notification.domain;

import dev.anchor.blocks.tracing.TraceContext;
import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.notification.events.out.NotificationEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides a message by {@link NotificationRules} and records the outcome in the caller's transaction: held for its
 * customer, suppressed with its reason (published), or queued — rendered in the customer's language and time zone,
 * combined with the waiting messages it absorbs (they are published as coalesced).
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final Notifications notifications;
    private final CustomerContacts customers;
    private final AddressSuppressions suppressions;
    private final IssueReplicas issues;
    private final MessageParts parts;
    private final Renderer renderer;
    private final NotificationRules rules;
    private final NotificationEvents events;
    private final Event<MessagesQueued> queued;
    private final Clock clock;

    public Notifier(Notifications notifications, CustomerContacts customers, AddressSuppressions suppressions,
                    IssueReplicas issues, MessageParts parts, Renderer renderer, Settings settings,
                    NotificationEvents events, Event<MessagesQueued> queued, Clock clock) {
        this.notifications = notifications;
        this.customers = customers;
        this.suppressions = suppressions;
        this.issues = issues;
        this.parts = parts;
        this.renderer = renderer;
        this.rules = new NotificationRules(NotificationRules.Policy.of(settings));
        this.events = events;
        this.queued = queued;
        this.clock = clock;
    }

    /** A new candidate message telling {@code told} (see {@link MessageParts#of}): held while its customer is unknown. */
    void candidate(UUID eventId, String type, Template template, UUID issueId, UUID customerId, boolean urgent,
                   String told) {
        Optional<CustomerContact> found = customers.resolve(customerId);
        UUID recipientId = found.map(c -> c.id).orElse(customerId);
        if (notifications.decided(eventId, recipientId)) {
            return;
        }
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.customerId = recipientId;
        n.issueId = issueId;
        n.triggerEventId = eventId;
        n.triggerType = type;
        n.template = template.id;
        n.category = template.category.name();
        n.urgent = urgent;
        n.createdAt = ServiceClock.now(clock);
        n.status = NotificationStatus.QUEUED;
        n.parts = told;
        n.traceparent = TraceContext.current();
        decide(n, found, true);
    }

    /**
     * {@code issue.next-action-completed}: sends nothing of its own (the customer did it, or it no longer matters), but
     * every message about the issue still waiting for them (coalescing, quiet hours, their customer) learns of it, so
     * the step is never asked for once done: re-rendered without it, or suppressed {@code nothing-new} when that step
     * was all it told.
     */
    void stepCompleted(UUID eventId, String type, UUID issueId, UUID customerId, com.fasterxml.jackson.databind.JsonNode issue,
                       com.fasterxml.jackson.databind.JsonNode change) {
        Optional<CustomerContact> found = customers.resolve(customerId);
        Notification probe = new Notification();
        probe.id = UUID.randomUUID();
        probe.issueId = issueId;
        probe.customerId = found.map(c -> c.id).orElse(customerId);
        for (Notification w : notifications.othersAboutTheIssue(probe)) {
            if (w.status != NotificationStatus.QUEUED || w.attempts > 0 || w.parts == null) {
                continue;
            }
            parts.stepCompleted(w, eventId, type, issue, change);
            if (found.isPresent() && found.get().isActive()
                    && !HoldReason.AWAITING_CUSTOMER.text().equals(w.reason)) {
                render(w, found.get(), rules.zone(found.get()));
            }
        }
    }

    /** A message held for its customer, decided again: false while the customer is unknown and the wait not over. */
    boolean decideAgain(Notification n) {
        return !(decide(n, customers.resolve(n.customerId), false) instanceof Decision.AwaitCustomer);
    }

    private Decision decide(Notification n, Optional<CustomerContact> found, boolean isNew) {
        Instant heldUntil = isNew || n.dueAt == null ? null : n.dueAt.toInstant();
        CustomerContact c = found.orElse(null);
        List<Notification> others = List.of();
        if (c != null) {
            n.customerId = c.id;
            if (c.isActive() && coalesces(n)) {
                others = notifications.othersAboutTheIssue(n);
            }
        }
        NotificationRules.Message message = new NotificationRules.Message(Template.Category.valueOf(n.category),
                n.urgent, coalesces(n), parts.tellNothingNew(n), heldUntil);
        Decision decision = rules.decide(message, c, c == null ? Set.of() : suppressions.of(c),
                others.stream().map(Notifier::other).toList(), clock);
        switch (decision) {
            case Decision.AwaitCustomer wait -> {
                if (isNew) {
                    // the customer's own event has not reached us yet (customer.events behind issue.events): wait for it
                    n.reason = HoldReason.AWAITING_CUSTOMER.text();
                    n.dueAt = utc(wait.until());
                    notifications.add(n);
                }
            }
            case Decision.Suppress s -> {
                if (s.rendered() && !render(n, c, rules.zone(c))) {
                    return decision;
                }
                if (s.channel() != null) {
                    n.channel = s.channel().channel();
                    n.fallbackChannel = s.channel().fallback();
                }
                suppress(n, s.text());
            }
            case Decision.SendNow now -> queue(n, c, others, now.channel(), now.digest(), now.at(), null, true);
            case Decision.HoldUntil hold ->
                    queue(n, c, others, hold.channel(), hold.digest(), hold.at(), hold.reason(), false);
        }
        return decision;
    }

    /** Queues {@code n} to go at {@code due} ({@code now}: at once), absorbing the waiting messages of {@code digest}. */
    private void queue(Notification n, CustomerContact c, List<Notification> others, Channels.Choice choice,
                       Decision.Digest digest, Instant due, HoldReason reason, boolean now) {
        ZoneId zone = rules.zone(c);
        if (!render(n, c, zone)) {
            return;
        }
        n.channel = choice.channel();
        n.fallbackChannel = choice.fallback();
        if (digest != null) {
            List<Notification> waiting = others.stream().filter(o -> digest.absorbed().contains(o.id)).toList();
            parts.combine(n, waiting);
            n.category = digest.category().name();
            n.urgent = digest.urgent();
            if (!render(n, c, zone)) {
                return; // the waiting ones stay as they were
            }
            for (Notification w : waiting) {
                w.settle(NotificationStatus.SUPPRESSED, SuppressionReason.COALESCED.text());
                events.published(w.state());
            }
        }
        n.status = NotificationStatus.QUEUED;
        n.reason = reason == null ? null : reason.text();
        n.dueAt = utc(due);
        notifications.add(n);
        if (now) {
            queued.fire(new MessagesQueued());
        }
    }

    /** What the customer asked for goes alone; other issue messages are combined, per issue and customer. */
    private static boolean coalesces(Notification n) {
        return n.issueId != null && !Template.byId(n.template).map(t -> t.askedFor).orElse(false);
    }

    private static NotificationRules.OtherMessage other(Notification o) {
        return new NotificationRules.OtherMessage(o.id, o.status, HoldReason.of(o.reason), o.attempts,
                Template.Category.valueOf(o.category), o.urgent, o.parts != null, instant(o.createdAt),
                instant(o.sentAt), instant(o.dueAt));
    }

    /** Renders {@code n} in the customer's language; false (and suppressed) when a template fails. */
    private boolean render(Notification n, CustomerContact c, ZoneId zone) {
        List<Renderer.Part> told = parts.toRender(n);
        if (told.isEmpty()) {
            suppress(n, SuppressionReason.TEMPLATE_ERROR.text());
            return false;
        }
        IssueReplica replica = n.issueId == null ? null : issues.byId(n.issueId);
        String statusUrl = replica == null ? null : replica.statusUrl;
        Renderer.Rendered rendered;
        try {
            rendered = renderer.render(told, new Renderer.Recipient(c.id, c.language, zone, c.displayName, statusUrl,
                    Template.Category.valueOf(n.category), clock.instant()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Template %s could not be rendered for event %s", n.template, n.triggerEventId);
            suppress(n, SuppressionReason.TEMPLATE_ERROR.text());
            return false;
        }
        if (rendered == null) {
            // everything it told is no longer current (the step asked for is done)
            suppress(n, SuppressionReason.NOTHING_NEW.text());
            return false;
        }
        n.template = rendered.template();
        n.language = rendered.language();
        n.subject = rendered.subject();
        n.summary = rendered.summary();
        n.bodyText = rendered.text();
        n.bodyHtml = rendered.html();
        n.smsText = rendered.sms();
        return true;
    }

    private void suppress(Notification n, String reason) {
        n.settle(NotificationStatus.SUPPRESSED, reason);
        notifications.add(n);
        events.published(n.state());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
