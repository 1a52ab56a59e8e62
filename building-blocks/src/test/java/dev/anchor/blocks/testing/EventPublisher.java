package dev.anchor.blocks.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Puts CloudEvents on the real broker (on the test profile's topics) as another service would, so a consumer can be fed duplicates,
 * out-of-order and unknown events in a test.
 */
public class EventPublisher implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final KafkaProducer<String, String> producer;

    public EventPublisher() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("anchor.test.kafka", "127.0.0.1:9092"),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** A CloudEvent envelope as the services write it. */
    public static ObjectNode event(String source, String type, String subject, JsonNode data) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", source);
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }

    /** Sends {@code event} keyed by its subject and waits for the broker's acknowledgement. */
    public void send(String topic, JsonNode event) {
        sendRaw(topic, event.path("subject").asText(), event.toString());
    }

    /** Sends any text, e.g. a malformed event. */
    public void sendRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.named(topic), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
