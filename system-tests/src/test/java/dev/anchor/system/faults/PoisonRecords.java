package dev.anchor.system.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Poison on {@code customer.events} and {@code issue.events}, published straight to the broker into every partition
 * while the load runs: records that are not JSON, JSON arrays, envelopes with a bad id or time or no data object, and
 * events that break their contract (an aggregate id that is not a UUID, a version that is not a number, a real event
 * made out of contract: status {@code zombie}, an email address that is a number). Each consumer
 * must park every one on its dead-letter topic {@code <service>.<topic>.dlq} and go on with the valid events behind it.
 * An event of a type no consumer knows is published too: the contract says it is ignored, not parked.
 */
final class PoisonRecords implements Fault {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Who consumes each topic (docs/architecture.md), and so which dead-letter topics each poison must reach. */
    static final Map<String, List<String>> CONSUMERS = Map.of(
            "customer.events", List.of("issue-service", "contact-service", "notification-service"),
            "issue.events", List.of("customer-service", "contact-service", "notification-service"));

    private final String bootstrap;
    private final String run;
    /** The marker of every record published, by topic; a parked record is recognised by its marker. */
    private final Map<String, Set<String>> parkable = new TreeMap<>();
    private final Map<String, Set<String>> ignorable = new TreeMap<>();

    PoisonRecords(int kafkaPort, String run) {
        this.bootstrap = "127.0.0.1:" + kafkaPort;
        this.run = run;
    }

    @Override
    public String kind() {
        return "poison-records";
    }

    @Override
    public String inject(Ledger ledger) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String topic : CONSUMERS.keySet()) {
                ObjectNode sample = sample(topic);
                int partitions = producer.partitionsFor(topic).size();
                for (int partition = 0; partition < partitions; partition++) {
                    for (Map.Entry<String, String> poison : poison(topic, partition, sample).entrySet()) {
                        String marker = poison.getKey();
                        (marker.contains("unknown-type") ? ignorable : parkable)
                                .computeIfAbsent(topic, t -> new TreeSet<>()).add(marker);
                        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition,
                                UUID.randomUUID().toString(), poison.getValue());
                        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                        sent.add(producer.send(record));
                    }
                }
            }
            for (java.util.concurrent.Future<?> ack : sent) {
                ack.get(); // every record acknowledged by the broker
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing poison", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a poison record", e);
        }
        return sent.size() + " poison records (invalid JSON, array, bad id, bad time, no data object, bad aggregate id, "
                + "bad version, out-of-contract status and email, unknown type) into every partition of "
                + String.join(" and ", CONSUMERS.keySet());
    }

    @Override
    public Duration outage() {
        return Duration.ZERO;
    }

    @Override
    public Instant restore() {
        return Instant.now(); // nothing to bring back: the consumers must never have stopped
    }

    /**
     * A real opening event of the topic's aggregate (customer.registered, issue.opened) the suite published: the
     * template of the poison that is well-formed in every way but one value its published schema rules out.
     */
    private ObjectNode sample(String topic) {
        String wanted = topic.startsWith("customer") ? "customer.registered" : "issue.opened";
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-faults-sample-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        java.util.concurrent.atomic.AtomicReference<ObjectNode> found = new java.util.concurrent.atomic.AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await("a " + wanted + " on " + topic).atMost(Duration.ofSeconds(60)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                            JsonNode event = readable(record.value()); // an earlier run's poison is on the topic too
                            if (found.get() == null && event != null && event.isObject()
                                    && wanted.equals(event.path("type").asText())
                                    && event.path("source").asText().startsWith("/anchor/")) {
                                found.set((ObjectNode) event);
                            }
                        }
                        return found.get() != null;
                    });
        }
        return found.get();
    }

    private static JsonNode readable(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** {@code sample} as a new aggregate whose state breaks one rule of the schema, its marker in a free-text field. */
    private static String outOfContract(ObjectNode sample, String aggregate, String marker, String rule) {
        ObjectNode event = sample.deepCopy();
        String id = UUID.randomUUID().toString();
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", id);
        ObjectNode state = (ObjectNode) event.path("data").path(aggregate);
        state.put("id", id);
        state.put(aggregate.equals("customer") ? "familyName" : "title", marker);
        switch (rule) {
            case "status" -> state.put("status", "zombie");
            case "email" -> state.putArray("emails").addObject().put("address", 42);
            default -> throw new IllegalArgumentException(rule);
        }
        return event.toString();
    }

    /** The poison for one partition of a topic, by marker (each record carries its marker). */
    private Map<String, String> poison(String topic, int partition, ObjectNode sample) {
        String aggregate = topic.substring(0, topic.indexOf('.'));
        String type = aggregate.equals("customer") ? "customer.registered" : "issue.opened";
        Map<String, String> records = new LinkedHashMap<>();
        String m = marker(topic, partition, "invalid-json");
        records.put(m, "{\"specversion\":\"1.0\",\"id\":\"" + m + "\",\"type\":");
        m = marker(topic, partition, "array");
        records.put(m, "[\"" + m + "\",{\"specversion\":\"1.0\"}]");
        m = marker(topic, partition, "bad-id");
        records.put(m, envelope(m, type, UUID.randomUUID().toString(), Instant.now().toString(), Map.of("note", m)));
        m = marker(topic, partition, "bad-time");
        records.put(m, envelope(UUID.randomUUID().toString(), type, UUID.randomUUID().toString(), m, Map.of("note", m)));
        m = marker(topic, partition, "no-data-object");
        records.put(m, envelope(UUID.randomUUID().toString(), type, UUID.randomUUID().toString(), Instant.now().toString(), m));
        m = marker(topic, partition, "bad-aggregate-id");
        records.put(m, envelope(UUID.randomUUID().toString(), type, UUID.randomUUID().toString(), Instant.now().toString(),
                Map.of(aggregate, Map.of("id", m, "customerId", m, "version", 1))));
        m = marker(topic, partition, "bad-version");
        String id = UUID.randomUUID().toString();
        records.put(m, envelope(UUID.randomUUID().toString(), type, id, Instant.now().toString(),
                Map.of(aggregate, Map.of("id", id, "customerId", UUID.randomUUID().toString(), "version", m))));
        m = marker(topic, partition, "status-zombie");
        records.put(m, outOfContract(sample, aggregate, m, "status"));
        if (aggregate.equals("customer")) {
            m = marker(topic, partition, "email-a-number");
            records.put(m, outOfContract(sample, aggregate, m, "email"));
        }
        m = marker(topic, partition, "unknown-type");
        records.put(m, envelope(UUID.randomUUID().toString(), "com.example.poison.unknown-type", UUID.randomUUID().toString(),
                Instant.now().toString(), Map.of("note", m)));
        return records;
    }

    private String marker(String topic, int partition, String kind) {
        return "poison-" + run + "-" + topic.replace('.', '-') + "-p" + partition + "-" + kind;
    }

    private static String envelope(String id, String type, String subject, String time, Object data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/system-tests/faults");
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", time);
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the dead-letter topics hold of this run: consumer → markers parked, and the reasons given. */
    record Parked(Map<String, Set<String>> markers, Map<String, Integer> reasons) {
    }

    /**
     * Reads every consumer's dead-letter topic until each poison record is parked by each consumer of its topic
     * (bounded); answers what was expected and not found, empty when all arrived.
     */
    List<String> missingDeadLetters(Duration atMost, Parked parked) {
        List<String> topics = new ArrayList<>();
        CONSUMERS.forEach((topic, services) -> services.forEach(s -> topics.add(s + "." + topic + ".dlq")));
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-faults-" + run + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000); // sees a dead-letter topic created meanwhile
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(topics);
            Awaitility.await("every poison record parked").atMost(atMost).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                            read(record.value(), parked);
                        }
                        return missing(parked).isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            // reported below
        }
        return missing(parked);
    }

    private void read(String value, Parked parked) throws JsonProcessingException {
        JsonNode letter = JSON.readTree(value);
        String record = letter.path("record").asText("");
        for (Set<String> markers : parkable.values()) {
            for (String marker : markers) {
                if (record.contains(marker)) {
                    parked.markers().computeIfAbsent(letter.path("consumer").asText(), c -> new TreeSet<>()).add(marker);
                    parked.reasons().merge(letter.path("reason").asText() + ": " + letter.path("detail").asText(),
                            1, Integer::sum);
                }
            }
        }
        for (Set<String> markers : ignorable.values()) {
            for (String marker : markers) {
                if (record.contains(marker)) {
                    parked.markers().computeIfAbsent(letter.path("consumer").asText(), c -> new TreeSet<>()).add(marker);
                }
            }
        }
    }

    private List<String> missing(Parked parked) {
        List<String> missing = new ArrayList<>();
        parkable.forEach((topic, markers) -> {
            for (String service : CONSUMERS.get(topic)) {
                String consumer = service + "." + topic;
                for (String marker : markers) {
                    if (!parked.markers().getOrDefault(consumer, Set.of()).contains(marker)) {
                        missing.add(consumer + ".dlq: " + marker);
                    }
                }
            }
        });
        return missing;
    }

    /** Unknown types parked anyway (the contract says ignored), for the report. */
    List<String> unknownTypesParked(Parked parked) {
        List<String> found = new ArrayList<>();
        parked.markers().forEach((consumer, markers) -> markers.stream().filter(m -> m.contains("unknown-type"))
                .forEach(m -> found.add(consumer + ": " + m)));
        return found;
    }
}
