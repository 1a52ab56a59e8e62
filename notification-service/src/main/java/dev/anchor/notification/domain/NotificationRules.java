package dev.anchor.notification.domain;

import dev.anchor.blocks.time.ServiceClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Whether, how and when to tell a customer, as a pure function of what is known: the customer (null while unknown),
 * their suppressed addresses, the message, the other live messages about the same issue and the time. In order:
 * customer known and reachable, consent, channel, nothing new, coalescing (a window after a message went out, a
 * digest with the waiting ones, critical and urgent changes at once), quiet hours.
 */
public final class NotificationRules {

    /** The settings the rules read. */
    public record Policy(Duration coalesceWindow, Duration awaitCustomer, String defaultChannel,
                         String defaultQuietStart, String defaultQuietEnd, String defaultTimeZone) {

        public static Policy of(Settings s) {
            return new Policy(s.coalesceWindow(), s.awaitCustomer(), s.defaultChannel(), s.defaultQuietStart(),
                    s.defaultQuietEnd(), s.defaultTimeZone());
        }
    }

    /**
     * The message to decide: new, or held for its customer until {@code heldUntil}. {@code coalesces}: an issue
     * message (contact summaries are never combined); {@code nothingNew}: it only tells what the customer was told.
     */
    public record Message(Template.Category category, boolean urgent, boolean coalesces, boolean nothingNew,
                          Instant heldUntil) {
    }

    /** Another live message about the same issue to the same customer: queued, sent or delivered. */
    public record OtherMessage(UUID id, NotificationStatus status, HoldReason reason, int attempts,
                        Template.Category category, boolean urgent, boolean hasParts, Instant createdAt,
                        Instant sentAt, Instant dueAt) {

        /** It went out, or is being attempted. */
        boolean wentOut() {
            return status == NotificationStatus.SENT || status == NotificationStatus.DELIVERED
                    || status == NotificationStatus.QUEUED && attempts > 0;
        }

        /** It waits to be sent for the first time, and can be combined: a later message may absorb it. */
        boolean waits() {
            return status == NotificationStatus.QUEUED && attempts == 0 && reason != HoldReason.AWAITING_CUSTOMER
                    && hasParts;
        }
    }

    private final Policy policy;

    public NotificationRules(Policy policy) {
        this.policy = policy;
    }

    /**
     * The agent who opened the issue and took it at once: issue.opened already named them to the customer, so the
     * issue.assigned that follows tells nothing new (a handoff always names a previous owner).
     */
    public static boolean tellsNothingNew(String type, boolean namesPreviousOwner, String ownerId, String ownerBefore) {
        return "issue.assigned".equals(type) && !namesPreviousOwner && ownerBefore != null
                && ownerBefore.equals(ownerId);
    }

    /**
     * @param customer   the customer to write to (merges followed), null while unknown
     * @param suppressed the customer's addresses that bounced or complained
     * @param others     the other live messages about the issue to the customer, oldest first
     */
    public Decision decide(Message m, CustomerContact customer, Set<AddressSuppression.Key> suppressed,
                           List<OtherMessage> others, Clock clock) {
        Instant now = ServiceClock.now(clock).toInstant();
        if (customer == null) {
            if (m.heldUntil() == null) {
                return new Decision.AwaitCustomer(now.plus(policy.awaitCustomer()));
            }
            return m.heldUntil().isAfter(now) ? new Decision.AwaitCustomer(m.heldUntil())
                    : Decision.Suppress.of(SuppressionReason.UNKNOWN_CUSTOMER);
        }
        if (!customer.isActive()) {
            return Decision.Suppress.of(SuppressionReason.customer(customer.replicaStatus()));
        }
        Template.Category category = m.category();
        if (category == Template.Category.service && !customer.consentService
                || category == Template.Category.marketing && !customer.consentMarketing) {
            return new Decision.Suppress(SuppressionReason.NO_CONSENT, category.name(), null);
        }
        Channels.Choice choice = Channels.choose(customer, policy.defaultChannel(),
                (channel, address) -> suppressed.contains(new AddressSuppression.Key(channel, address)));
        if (choice.refused() != null) {
            return new Decision.Suppress(choice.refused(), choice.channel(), choice);
        }
        if (m.nothingNew()) {
            return new Decision.Suppress(SuppressionReason.NOTHING_NEW, null, choice);
        }
        Instant due = now;
        HoldReason reason = null;
        Decision.Digest digest = null;
        if (m.coalesces()) {
            if (category != Template.Category.critical) {
                Optional<Instant> window = windowAfterLastSent(others, now);
                if (window.isPresent()) {
                    due = window.get();
                    reason = HoldReason.COALESCING;
                }
            }
            List<OtherMessage> waiting = others.stream().filter(OtherMessage::waits).toList();
            if (!waiting.isEmpty()) {
                digest = digest(m, waiting);
                OtherMessage earliest = waiting.stream().min(Comparator.comparing(OtherMessage::dueAt)).orElseThrow();
                if (digest.category() == Template.Category.critical || digest.urgent()) {
                    due = now;
                    reason = null;
                } else if (earliest.dueAt().isBefore(due)) {
                    // the combined message keeps the earlier due time of the two
                    due = earliest.dueAt().isAfter(now) ? earliest.dueAt() : now;
                    reason = due.isAfter(now) ? earliest.reason() : null;
                }
            }
        }
        boolean urgent = digest == null ? m.urgent() : digest.urgent();
        if (!urgent) {
            Instant at = due;
            Optional<Instant> morning = quietHours(customer).flatMap(q -> q.deferral(at));
            if (morning.isPresent()) {
                due = morning.get();
                reason = HoldReason.QUIET_HOURS;
            }
        }
        return due.isAfter(now) ? new Decision.HoldUntil(due, reason, choice, digest) : new Decision.SendNow(now, choice, digest);
    }

    /** The customer's time zone (theirs, else the default; one that does not exist is UTC). */
    public ZoneId zone(CustomerContact c) {
        try {
            return ZoneId.of(c.timeZone == null ? policy.defaultTimeZone() : c.timeZone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The end of the coalescing window when a message about the issue went out (or is being attempted) within it. */
    private Optional<Instant> windowAfterLastSent(List<OtherMessage> others, Instant now) {
        Instant until = null;
        for (OtherMessage o : others) {
            if (!o.wentOut()) {
                continue;
            }
            Instant at = (o.sentAt() != null ? o.sentAt() : o.createdAt()).plus(policy.coalesceWindow());
            if (at.isAfter(now) && (until == null || at.isAfter(until))) {
                until = at;
            }
        }
        return Optional.ofNullable(until);
    }

    private static Decision.Digest digest(Message m, List<OtherMessage> waiting) {
        Template.Category category = m.category();
        boolean urgent = m.urgent();
        for (OtherMessage o : waiting) {
            category = Template.mostCritical(category, o.category());
            urgent |= o.urgent();
        }
        return new Decision.Digest(waiting.stream().map(OtherMessage::id).toList(), category, urgent);
    }

    private Optional<QuietHours> quietHours(CustomerContact c) {
        String zone = zone(c).getId();
        if (c.quietStart != null && c.quietEnd != null) {
            return QuietHours.of(c.quietStart, c.quietEnd, zone);
        }
        return QuietHours.of(policy.defaultQuietStart(), policy.defaultQuietEnd(), zone);
    }
}
