package dev.anchor.notification.domain;

import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.notification.events.out.NotificationEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A message's way out, each step in a transaction of its own: claimed with a lease (its attempt counted), its address
 * resolved at the attempt, its outcome recorded with its event. Retries wait with exponential backoff and jitter in the
 * database, so they survive a restart; a crash mid-send lets the lease expire and the message is tried again.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    /** How many due messages one claim takes. */
    public static final int BATCH = 20;

    /** One attempt to send a message: the address as resolved now and what to send. */
    public record Attempt(UUID id, String channel, String address, String subject, String text, String html,
                          String sms, UUID customerId, UUID issueId, String category, String language,
                          String traceparent) {
    }

    /** Why an attempt did not succeed: transient failures are retried, permanent ones fail the message at once. */
    public record Failure(String message, boolean permanent, boolean hardBounce) {

        public static Failure transientFailure(String message) {
            return new Failure(message, false, false);
        }
    }

    private final Notifications notifications;
    private final CustomerContacts customers;
    private final AddressSuppressions suppressions;
    private final NotificationEvents events;
    private final Settings settings;
    private final ReplyAddresses replies;
    private final Clock clock;

    public Deliveries(Notifications notifications, CustomerContacts customers, AddressSuppressions suppressions,
                      NotificationEvents events, Settings settings, ReplyAddresses replies, Clock clock) {
        this.notifications = notifications;
        this.customers = customers;
        this.suppressions = suppressions;
        this.events = events;
        this.settings = settings;
        this.replies = replies;
        this.clock = clock;
    }

    /** Up to {@link #BATCH} messages due now, each with its attempt counted and leased to the caller. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> claimDue() {
        Instant now = clock.instant();
        return notifications.claimDue(utc(now), utc(now.plus(settings.lease())), BATCH);
    }

    /** The attempt for a claimed message, its address resolved now (so a changed one is used at once); empty when it no longer goes. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Attempt> prepare(UUID id) {
        Notification n = locked(id);
        if (n == null || n.status != NotificationStatus.QUEUED) {
            return Optional.empty();
        }
        Optional<CustomerContact> customer = customers.resolve(n.customerId);
        if (customer.isEmpty() || !customer.get().isActive()) {
            finish(n, NotificationStatus.SUPPRESSED, customer.isEmpty() ? SuppressionReason.UNKNOWN_CUSTOMER.text()
                    : SuppressionReason.customer(customer.get().replicaStatus()).text());
            return Optional.empty();
        }
        CustomerContact c = customer.get();
        n.customerId = c.id;
        Channels.Choice choice = Channels.choose(c, settings.defaultChannel(), suppressions::contains);
        if (choice.reason() != null) {
            finish(n, NotificationStatus.SUPPRESSED, choice.reason());
            return Optional.empty();
        }
        n.channel = choice.channel();
        n.recipient = Channels.address(c, choice.channel());
        return Optional.of(new Attempt(id, n.channel, n.recipient, n.subject, n.bodyText, n.bodyHtml, n.smsText,
                n.customerId, n.issueId, n.category, n.language, n.traceparent));
    }

    /** The provider accepted the message. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(UUID id, String provider, String providerId) {
        Notification n = locked(id);
        n.provider = provider;
        n.providerId = providerId;
        n.sentAt = ServiceClock.now(clock);
        n.lastError = null;
        finish(n, NotificationStatus.SENT, null);
    }

    /** The attempt failed: on the other channel at once after a hard bounce (when allowed), retried later, or failed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(Attempt attempt, Failure failure) {
        Notification n = locked(attempt.id());
        if (n.status != NotificationStatus.QUEUED) {
            return; // settled while it was being sent (its customer erased): the error may quote their address
        }
        n.lastError = failure.message();
        if (failure.hardBounce()) {
            suppressAddress(attempt.channel(), attempt.address(), "hard-bounce");
            if (otherChannelUsable(n, attempt.channel())) {
                // the address is bad, the customer allows the other channel: try that one at once
                n.dueAt = utc(clock.instant());
                n.reason = "fallback after " + failure.message();
                return;
            }
        }
        if (failure.permanent()) {
            finish(n, NotificationStatus.FAILED, failure.message());
            return;
        }
        if (n.attempts >= settings.maxAttempts()
                && n.createdAt.toInstant().plus(settings.retryFor()).isBefore(clock.instant())) {
            finish(n, NotificationStatus.FAILED, "gave up after " + n.attempts + " attempts: " + failure.message());
            return;
        }
        n.dueAt = utc(clock.instant().plus(backoff(settings.retryBase(), settings.retryMax(), n.attempts,
                ThreadLocalRandom.current().nextDouble())));
        n.reason = HoldReason.RETRYING.text();
        LOG.infof("Notification %s attempt %d failed (%s); next at %s", n.id, n.attempts, failure.message(), n.dueAt);
    }

    /** Records a hard bounce or complaint: the address is not used again until the customer's address changes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suppressAddress(String channel, String address, String reason) {
        if (address == null || suppressions.contains(channel, address)) {
            return;
        }
        AddressSuppression s = new AddressSuppression();
        s.key = new AddressSuppression.Key(channel, address);
        s.reason = reason;
        s.createdAt = ServiceClock.now(clock);
        suppressions.add(s);
    }

    /**
     * The message read under its customer's lock, so an erasure under way finishes first and what it cleared is not
     * written back; null when there is none.
     */
    private Notification locked(UUID id) {
        Notification n = notifications.byId(id);
        if (n != null) {
            customers.lock(n.customerId);
            notifications.reload(n);
        }
        return n;
    }

    /** base × 2^(attempt−1), capped, plus up to 50 % jitter for a random draw in [0, 1), so retries spread out. */
    public static Duration backoff(Duration base, Duration max, int attempt, double random) {
        long delay = Math.min(max.toMillis(), base.toMillis() << Math.min(20, Math.max(0, attempt - 1)));
        return Duration.ofMillis(delay + (long) (delay / 2.0 * random));
    }

    private boolean otherChannelUsable(Notification n, String failedChannel) {
        return customers.resolve(n.customerId).filter(CustomerContact::isActive).map(c -> {
            Channels.Choice choice = Channels.choose(c, settings.defaultChannel(), suppressions::contains);
            return choice.reason() == null && !failedChannel.equals(choice.channel());
        }).orElse(false);
    }

    private void finish(Notification n, NotificationStatus status, String reason) {
        n.settle(status, reason);
        boolean answerable = status == NotificationStatus.SENT && "email".equals(n.channel) && n.issueId != null;
        // the email's Reply-To, told once, so contact-service knows which issue an answer to it is about
        events.published(answerable ? n.state().withReplyTo(replies.replyTo(n.issueId)) : n.state());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
