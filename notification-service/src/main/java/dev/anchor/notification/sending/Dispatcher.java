package dev.anchor.notification.sending;

import dev.anchor.notification.domain.AddressSuppression;
import dev.anchor.notification.domain.Channels;
import dev.anchor.notification.domain.CustomerContact;
import dev.anchor.notification.domain.CustomerReplicas;
import dev.anchor.notification.domain.IssueNotifier;
import dev.anchor.notification.domain.Notification;
import dev.anchor.notification.domain.NotificationEvents;
import dev.anchor.notification.domain.Settings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what is due: polled every second (and woken right after a message is queued), up to {@code senders} at a
 * time. Each message is claimed with a lease (and its attempt counted) in one transaction, sent outside any
 * transaction, and its outcome written — with its event — in another. Retries wait with exponential backoff and jitter in the database, so they survive a
 * restart; a crash mid-send lets the lease expire and the message is tried again.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int BATCH = 20;

    private final EntityManager em;
    private final Clock clock;
    private final Settings settings;
    private final CustomerReplicas customers;
    private final EmailSender email;
    private final SmsGateway sms;
    private final NotificationEvents events;
    private final IssueNotifier notifier;
    private final String smsFrom;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(daemon("notification-dispatch"));
    private final ExecutorService senders;

    public Dispatcher(EntityManager em, Clock clock, Settings settings, CustomerReplicas customers, EmailSender email,
                      SmsGateway sms, NotificationEvents events, IssueNotifier notifier,
                      @ConfigProperty(name = "anchor.sms.from", defaultValue = "Anchor") String smsFrom) {
        this.em = em;
        this.clock = clock;
        this.settings = settings;
        this.customers = customers;
        this.email = email;
        this.sms = sms;
        this.events = events;
        this.notifier = notifier;
        this.smsFrom = smsFrom;
        this.senders = Executors.newFixedThreadPool(Math.max(1, settings.senders()), daemon("notification-send"));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) IssueNotifier.MessagesQueued event) {
        wakeups.submit(this::drain);
    }

    @Scheduled(every = "${anchor.notification.worker-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        reviewHeld();
        drain();
    }

    /** Messages held for their customer: decided once the customer is known, given up when the wait is over. */
    private void reviewHeld() {
        try {
            while (notifier.reviewHeld() > 0) {
                // another batch may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warn("Reviewing messages held for their customer failed; the next round retries", e);
        }
    }

    /** Sends everything due now; concurrent calls fold into one more round. */
    public void drain() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                List<UUID> claimed;
                do {
                    claimed = claim();
                    sendAll(claimed);
                } while (claimed.size() == BATCH);
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.error("Dispatching failed; the next round retries", e);
        } finally {
            running.set(false);
        }
    }

    /** Attempts the claimed messages side by side and waits for all of them (each has its own lease and outcome). */
    private void sendAll(List<UUID> ids) {
        List<Future<?>> sending = ids.stream().<Future<?>>map(id -> senders.submit(() -> attempt(id))).toList();
        for (Future<?> f : sending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                LOG.error("Sending a notification failed unexpectedly; its lease expires and it is tried again", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> claim() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = em.createNativeQuery("""
                    select id from notification where status = 'queued' and due_at <= :now
                    and reason is distinct from :awaiting
                    order by due_at limit :batch for update skip locked""", UUID.class)
                    .setParameter("awaiting", IssueNotifier.AWAITING_CUSTOMER)
                    .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .setParameter("batch", BATCH).getResultList();
            if (!ids.isEmpty()) {
                em.createNativeQuery("""
                        update notification set due_at = :lease, attempts = attempts + 1, version = version + 1
                        where id = any(:ids)""")
                        .setParameter("lease", OffsetDateTime.ofInstant(now.plus(settings.lease()), ZoneOffset.UTC))
                        .setParameter("ids", ids.toArray(UUID[]::new)).executeUpdate();
            }
            return ids;
        });
    }

    private record Attempt(String channel, String address, String subject, String text, String html, String sms) {
    }

    private void attempt(UUID id) {
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> prepare(id));
        if (attempt == null) {
            return;
        }
        try {
            String providerId = null;
            String provider;
            if ("sms".equals(attempt.channel)) {
                SmsGateway.Accepted accepted = sms.send(new SmsSender.Sms(attempt.address, smsFrom, attempt.sms, id.toString()));
                provider = accepted.provider();
                providerId = accepted.id();
            } else {
                email.send(attempt.address, attempt.subject, attempt.text, attempt.html, id.toString());
                provider = "smtp";
            }
            String finalProviderId = providerId;
            QuarkusTransaction.requiringNew().run(() -> sent(id, attempt, provider, finalProviderId));
        } catch (SendFailure failure) {
            QuarkusTransaction.requiringNew().run(() -> failed(id, attempt, failure));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Sending notification %s failed unexpectedly", id);
            QuarkusTransaction.requiringNew().run(() -> failed(id, attempt,
                    SendFailure.transientFailure(e.getClass().getSimpleName())));
        }
    }

    /** Resolves the address now, so a changed address or number is used at once. */
    private Attempt prepare(UUID id) {
        Notification n = em.find(Notification.class, id);
        if (n == null || !"queued".equals(n.status)) {
            return null;
        }
        Optional<CustomerContact> customer = customers.resolve(n.customerId);
        if (customer.isEmpty() || !customer.get().active()) {
            finish(n, "suppressed", customer.isEmpty() ? "unknown-customer" : "customer-" + customer.get().status);
            return null;
        }
        CustomerContact c = customer.get();
        n.customerId = c.id;
        Channels.Choice choice = Channels.choose(c, settings.defaultChannel(),
                (channel, address) -> em.find(AddressSuppression.class, new AddressSuppression.Key(channel, address)) != null);
        if (choice.reason() != null) {
            finish(n, "suppressed", choice.reason());
            return null;
        }
        n.channel = choice.channel();
        n.recipient = Channels.address(c, choice.channel());
        return new Attempt(n.channel, n.recipient, n.subject, n.bodyText, n.bodyHtml, n.smsText);
    }

    private void sent(UUID id, Attempt attempt, String provider, String providerId) {
        Notification n = em.find(Notification.class, id);
        n.provider = provider;
        n.providerId = providerId;
        n.sentAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        n.lastError = null;
        finish(n, "sent", null);
    }

    private void failed(UUID id, Attempt attempt, SendFailure failure) {
        Notification n = em.find(Notification.class, id);
        n.lastError = failure.getMessage();
        if (failure.hardBounce()) {
            suppressAddress(attempt.channel, attempt.address, "hard-bounce");
            if (otherChannelUsable(n, attempt.channel)) {
                // the address is bad, the customer allows the other channel: try that one at once
                n.dueAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
                n.reason = "fallback after " + failure.getMessage();
                return;
            }
        }
        if (failure.permanent()) {
            finish(n, "failed", failure.getMessage());
            return;
        }
        if (n.attempts >= settings.maxAttempts()) {
            finish(n, "failed", "gave up after " + n.attempts + " attempts: " + failure.getMessage());
            return;
        }
        n.dueAt = OffsetDateTime.ofInstant(clock.instant().plus(backoff(n.attempts)), ZoneOffset.UTC);
        n.reason = "retrying";
        LOG.infof("Notification %s attempt %d failed (%s); next at %s", id, n.attempts, failure.getMessage(), n.dueAt);
    }

    private boolean otherChannelUsable(Notification n, String failedChannel) {
        em.flush();
        return customers.resolve(n.customerId).filter(CustomerContact::active).map(c -> {
            Channels.Choice choice = Channels.choose(c, settings.defaultChannel(), (channel, address) ->
                    em.find(AddressSuppression.class, new AddressSuppression.Key(channel, address)) != null);
            return choice.reason() == null && !failedChannel.equals(choice.channel());
        }).orElse(false);
    }

    /** base × 2^(attempt−1), capped, plus up to 50 % random jitter so retries of many messages spread out. */
    Duration backoff(int attempt) {
        return backoff(settings.retryBase(), settings.retryMax(), attempt, ThreadLocalRandom.current().nextDouble());
    }

    /** The delay before retry {@code attempt} (1 = after the first failure) for a random draw in [0, 1). */
    public static Duration backoff(Duration base, Duration max, int attempt, double random) {
        long delay = Math.min(max.toMillis(), base.toMillis() << Math.min(20, Math.max(0, attempt - 1)));
        return Duration.ofMillis(delay + (long) (delay / 2.0 * random));
    }

    private void finish(Notification n, String status, String reason) {
        n.settle(status, reason);
        events.published(n);
    }

    /** Records a hard bounce or complaint: the address is not used again until the customer's address changes. */
    public void suppressAddress(String channel, String address, String reason) {
        if (address == null || em.find(AddressSuppression.class, new AddressSuppression.Key(channel, address)) != null) {
            return;
        }
        AddressSuppression s = new AddressSuppression();
        s.key = new AddressSuppression.Key(channel, address);
        s.reason = reason;
        s.createdAt = OffsetDateTime.now(clock);
        em.persist(s);
    }
}
