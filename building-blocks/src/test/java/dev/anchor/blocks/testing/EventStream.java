package dev.anchor.blocks.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a topic (the test profile's) on the real broker from "now" on, so a test sees exactly the events its own
 * actions caused.
 */
public class EventStream implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    private EventStream(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = partitionsOf(topic);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, not at the first poll
    }

    /** A topic the broker creates on first use has no partitions for a moment: wait for them. */
    private List<TopicPartition> partitionsOf(String topic) {
        return Awaitility.await("partitions of " + topic).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList(), partitions -> !partitions.isEmpty());
    }

    public static EventStream of(String topic) {
        return new EventStream(System.getProperty("anchor.test.kafka", "127.0.0.1:9092"), Topics.named(topic));
    }

    /** Waits until {@code count} events about {@code subject} arrived, then returns them in topic order. */
    public List<JsonNode> await(String subject, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> events = about(subject);
            if (events.size() >= count) {
                return events;
            }
            poll(Duration.ofMillis(100));
        }
        throw new AssertionError("Expected " + count + " events about " + subject + " within " + timeout
                + " but got " + types(about(subject)));
    }

    /** Everything about {@code subject} that arrives while listening for {@code window}. */
    public List<JsonNode> during(String subject, Duration window) {
        Instant deadline = Instant.now().plus(window);
        while (Instant.now().isBefore(deadline)) {
            poll(Duration.ofMillis(100));
        }
        return about(subject);
    }

    /** The raw records received so far, keys included. */
    public List<ConsumerRecord<String, String>> records() {
        return List.copyOf(received);
    }

    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    private void poll(Duration timeout) {
        consumer.poll(timeout).forEach(received::add);
    }

    private List<JsonNode> about(String subject) {
        return received.stream().filter(r -> subject.equals(r.key())).map(r -> parse(r.value())).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
