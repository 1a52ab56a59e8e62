package dev.anchor.notification.sending;

import dev.anchor.blocks.problem.DatabaseUnavailable;
import dev.anchor.blocks.tracing.TraceContext;
import dev.anchor.notification.domain.Deliveries;
import dev.anchor.notification.domain.HeldMessages;
import dev.anchor.notification.domain.MessagesQueued;
import dev.anchor.notification.domain.Settings;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
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
    private final Tracer tracer;
    private final String smsFrom;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(daemon("notification-dispatch"));
    private final ExecutorService senders;

    public Dispatcher(Deliveries deliveries, HeldMessages held, Settings settings, EmailSender email, SmsGateway sms,
                      Tracer tracer, @ConfigProperty(name = "anchor.sms.from", defaultValue = "Anchor") String smsFrom) {
        this.deliveries = deliveries;
        this.tracer = tracer;
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
        Span span = span(attempt);
        try (Scope ignored = span.makeCurrent()) {
            send(attempt, span);
        } finally {
            span.end();
        }
    }

    /** The send as a span of the change's trace (the message was made in it, earlier); none outside any trace. */
    private Span span(Deliveries.Attempt attempt) {
        if (attempt.traceparent() == null) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(attempt.channel() + " send").setSpanKind(SpanKind.CLIENT)
                .setParent(TraceContext.parent(attempt.traceparent()))
                .setAttribute("anchor.notification.id", attempt.id().toString())
                .setAttribute("anchor.notification.category", String.valueOf(attempt.category()))
                .startSpan();
    }

    private void send(Deliveries.Attempt attempt, Span span) {
        UUID id = attempt.id();
        String provider;
        String providerId = null;
        try {
            if ("sms".equals(attempt.channel())) {
                SmsGateway.Accepted accepted = sms.send(new SmsSender.Sms(attempt.address(), smsFrom, attempt.sms(),
                        id.toString()));
                provider = accepted.provider();
                providerId = accepted.id();
            } else {
                email.send(attempt);
                provider = "smtp";
            }
        } catch (SendFailure failure) {
            span.setStatus(StatusCode.ERROR, failure.permanent() ? "refused" : "not accepted yet");
            record(id, () -> deliveries.failed(attempt, new Deliveries.Failure(failure.getMessage(),
                    failure.permanent(), failure.hardBounce())));
            return;
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            LOG.errorf(e, "Sending notification %s failed unexpectedly", id);
            record(id, () -> deliveries.failed(attempt, Deliveries.Failure.transientFailure(e.getClass().getSimpleName())));
            return;
        }
        String acceptedBy = provider;
        String acceptedId = providerId;
        // the message is out: its bookkeeping must not fail into a retry that would send it twice
        record(id, () -> deliveries.sent(id, acceptedBy, acceptedId));
    }

    /** Writes an attempt's outcome, waiting out a database outage (backoff up to 5 s) rather than dropping it. */
    private static void record(UUID id, Runnable outcome) {
        DatabaseUnavailable.waitOut("record the outcome of notification " + id, outcome);
    }
}
