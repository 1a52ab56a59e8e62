package dev.anchor.blocks.outbox;

import dev.anchor.blocks.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes the outbox to Kafka in commit order, at least once, and deletes what the broker acknowledged.
 * Woken right after each commit that wrote to the outbox, and polled as a backstop. A PostgreSQL advisory
 * lock lets one replica relay at a time, which keeps each aggregate's events in order across replicas.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** PostgreSQL advisory lock key ("anchor") held by the replica that is relaying. */
    public static final long RELAY_LOCK = 0x616e63686f72L;
    /** The CloudEvent's traceparent as Outbox wrote it (no full parse of every payload on the relay's path). */
    private static final Pattern TRACEPARENT = Pattern.compile("\"traceparent\":\"(00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2})\"");

    private final EntityManager em;
    private final Tracer tracer;
    private final Map<String, Object> kafkaConfig;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Counter relayed;
    private final Counter failures;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private ExecutorService worker;
    private Producer<String, String> producer;

    public OutboxRelay(EntityManager em, MeterRegistry registry, Tracer tracer,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "anchor.outbox.batch-size", defaultValue = "200") int batchSize,
                       @ConfigProperty(name = "anchor.outbox.send-timeout", defaultValue = "PT10S") Duration sendTimeout) {
        this.em = em;
        this.tracer = tracer;
        this.kafkaConfig = kafkaConfig;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.relayed = registry.counter("anchor.outbox.relayed");
        this.failures = registry.counter("anchor.outbox.failures");
    }

    void start(@Observes StartupEvent ignored) {
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
        // every kafka.* setting that applies to a producer (bootstrap servers, TLS, SASL), then the relay's own
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) sendTimeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis() / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis(),
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"));
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        wake();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        producer.close(Duration.ofSeconds(2));
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten ignored) {
        wake();
    }

    @Scheduled(every = "${anchor.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Queues one drain; wake-ups that arrive before it starts are folded into it. */
    void wake() {
        if (worker != null && !worker.isShutdown() && wakeQueued.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        wakeQueued.set(false);
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (sent == batchSize);
            if (failing.compareAndSet(true, false)) {
                LOG.info("Outbox relay recovered: the broker accepts events again");
            }
        } catch (RuntimeException e) {
            failures.increment();
            if (failing.compareAndSet(false, true)) {
                LOG.warnf("Outbox relay cannot publish yet (%s); events stay in the outbox and will be retried", rootMessage(e));
            }
        }
    }

    private int relayBatch() throws Exception {
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxMessage> batch = em.createQuery("from OutboxMessage order by position", OutboxMessage.class)
                .setMaxResults(batchSize).getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>();
        try {
            for (OutboxMessage message : batch) {
                ProducerRecord<String, String> record = new ProducerRecord<>(message.topic, message.key, message.payload);
                record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                Span span = publishSpan(message);
                if (span != null) {
                    spans.add(span);
                    TraceContext.inject(Context.root().with(span), record.headers());
                }
                Future<RecordMetadata> ack = producer.send(record);
                if (ack.isDone()) {
                    ack.get(); // refused at once (no metadata during an outage): later events must not overtake this one
                }
                acks.add(ack);
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, "not published yet: " + rootMessage(e)));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
        em.createQuery("delete from OutboxMessage where position in :positions")
                .setParameter("positions", batch.stream().map(m -> m.position).toList())
                .executeUpdate();
        relayed.increment(batch.size());
        return batch.size();
    }

    /** A span for the hop from the outbox to the broker, in the trace of the change that wrote the event; or null. */
    private Span publishSpan(OutboxMessage message) {
        Matcher traceparent = TRACEPARENT.matcher(message.payload);
        if (!traceparent.find()) {
            return null;
        }
        return tracer.spanBuilder(message.topic + " publish").setSpanKind(SpanKind.PRODUCER)
                .setParent(TraceContext.parent(traceparent.group(1)))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", message.topic)
                .setAttribute("messaging.message.id", message.eventId.toString())
                .setAttribute("cloudevents.event_type", message.type)
                .startSpan();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
