package dev.anchor.blocks.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record as the consumer received it: its value, its Kafka headers (as UTF-8 text) and where it was on its topic —
 * what a dead letter keeps so an operator sees the record as it came. Without a record (fed directly), only the value.
 */
public record Arrived(String payload, Map<String, String> headers, Integer partition, Long offset) {

    public static Arrived of(String payload) {
        return new Arrived(payload, Map.of(), null, null);
    }

    public static Arrived of(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new Arrived(record.value(), Map.copyOf(headers), record.partition(), record.offset());
    }
}
