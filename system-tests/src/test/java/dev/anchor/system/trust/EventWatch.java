package dev.anchor.system.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every event the suite's broker carries from now on, on every topic a state change goes to: every write in Anchor
 * publishes one through the transactional outbox, so an event about a target means bad input was written.
 */
final class EventWatch implements AutoCloseable {

    static final List<String> TOPICS = List.of("customer.events", "issue.events", "contact.events",
            "notification.events", "export.parts");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event: its topic, Kafka key, CloudEvent subject and type. */
    record Event(String topic, String key, String subject, String type) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final Queue<Event> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong lastEventNanos = new AtomicLong(System.nanoTime());
    private final Thread poller;
    final List<String> topics = new ArrayList<>();

    EventWatch(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        var existing = consumer.listTopics(Duration.ofSeconds(30));
        for (String topic : TOPICS) {
            if (existing.containsKey(topic)) {
                topics.add(topic);
                existing.get(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // from the end as of now: only what happens from here on
        poller = new Thread(this::poll, "event-watch");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                lastEventNanos.set(System.nanoTime());
                String subject = null;
                String type = null;
                try {
                    JsonNode value = JSON.readTree(record.value());
                    subject = value.path("subject").asText(null);
                    type = value.path("type").asText(null);
                } catch (Exception e) {
                    type = "(not JSON)";
                }
                events.add(new Event(record.topic(), record.key(), subject, type));
            }
        }
        consumer.close();
    }

    /** Waits until no event has arrived for {@code quiet}, at most {@code atMost}; false when it never got quiet. */
    boolean awaitQuiet(Duration quiet, Duration atMost) {
        try {
            Awaitility.await("no event for " + quiet).atMost(atMost).pollInterval(Duration.ofMillis(250))
                    .until(() -> System.nanoTime() - lastEventNanos.get() >= quiet.toNanos());
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    /** What arrived so far, and forget it. */
    List<Event> drain() {
        List<Event> drained = new ArrayList<>();
        for (Event e; (e = events.poll()) != null; ) {
            drained.add(e);
        }
        return drained;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join(5_000);
    }
}
