package dev.anchor.notification.sending;

import dev.anchor.notification.domain.Deliveries;
import dev.anchor.notification.domain.HeldMessages;
import dev.anchor.notification.domain.MessagesQueued;
import dev.anchor.notification.domain.Settings;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what is due: polled every second (and woken right after a message is queued), up to {@code senders} at a
 * time. Each message is claimed with a lease (and its attempt counted) in one transaction, sent outside any
 * transaction, and its outcome written — with its event — in another ({@link Deliveries}).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final Deliveries deliveries;
    private final HeldMessages held;
    private final EmailSender email;
    private final SmsGateway sms;
    private final String smsFrom;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(daemon("notification-dispatch"));
    private final ExecutorService senders;

    public Dispatcher(Deliveries deliveries, HeldMessages held, Settings settings, EmailSender email, SmsGateway sms,
                      @ConfigProperty(name = "anchor.sms.from", defaultValue = "Anchor") String smsFrom) {
        this.deliveries = deliveries;
        this.held = held;
        this.email = email;
        this.sms = sms;
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

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesQueued event) {
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
            while (held.review() > 0) {
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
                    claimed = deliveries.claimDue();
                    sendAll(claimed);
                } while (claimed.size() == Deliveries.BATCH);
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

    private void attempt(UUID id) {
        Deliveries.Attempt attempt = deliveries.prepare(id).orElse(null);
        if (attempt == null) {
            return;
        }
        try {
            String providerId = null;
            String provider;
            if ("sms".equals(attempt.channel())) {
                SmsGateway.Accepted accepted = sms.send(new SmsSender.Sms(attempt.address(), smsFrom, attempt.sms(),
                        id.toString()));
                provider = accepted.provider();
                providerId = accepted.id();
            } else {
                email.send(attempt.address(), attempt.subject(), attempt.text(), attempt.html(), id.toString());
                provider = "smtp";
            }
            deliveries.sent(id, provider, providerId);
        } catch (SendFailure failure) {
            deliveries.failed(attempt, new Deliveries.Failure(failure.getMessage(), failure.permanent(),
                    failure.hardBounce()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Sending notification %s failed unexpectedly", id);
            deliveries.failed(attempt, Deliveries.Failure.transientFailure(e.getClass().getSimpleName()));
        }
    }
}
