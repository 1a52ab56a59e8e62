package dev.anchor.blocks.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.events.Topics;
import dev.anchor.blocks.testapp.Notes;
import dev.anchor.blocks.testing.EventStream;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An event recorded with a change is published once, as a CloudEvent keyed by its subject, only if the change commits. */
@QuarkusTest
class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    Notes notes;
    @Inject
    Outbox outbox;

    @Test
    void aCommittedEventIsPublishedOnceAsACloudEventAndLeavesTheOutbox() {
        UUID subject = UUID.randomUUID();
        try (EventStream stream = EventStream.of(Notes.TOPIC)) {
            UUID noteId = notes.write(subject, "hello");

            JsonNode event = stream.await(subject.toString(), 1, WAIT).get(0);
            assertEquals("1.0", event.path("specversion").asText());
            UUID.fromString(event.path("id").asText());
            assertEquals("/anchor/building-blocks-test", event.path("source").asText());
            assertEquals("note.written", event.path("type").asText());
            assertEquals(subject.toString(), event.path("subject").asText());
            assertEquals("application/json", event.path("datacontenttype").asText());
            assertEquals("Z", OffsetDateTime.parse(event.path("time").asText()).getOffset().getId());
            assertEquals("{\"noteId\":\"" + noteId + "\",\"text\":\"hello\"}", event.path("data").toString());

            ConsumerRecord<String, String> record = stream.records().stream()
                    .filter(r -> subject.toString().equals(r.key())).findFirst().orElseThrow();
            assertEquals(Topics.named(Notes.TOPIC), record.topic());
            assertEquals("application/cloudevents+json; charset=UTF-8",
                    new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
            await().atMost(WAIT).until(() -> notes.waitingInOutbox(subject) == 0);
            assertEquals(1, stream.during(subject.toString(), Duration.ofMillis(500)).size(), "published once");
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        UUID subject = UUID.randomUUID();
        try (EventStream stream = EventStream.of(Notes.TOPIC)) {
            QuarkusTransaction.begin();
            notes.write(subject, "never");
            QuarkusTransaction.rollback();

            assertEquals(List.of(), stream.during(subject.toString(), Duration.ofSeconds(2)));
            assertEquals(0, notes.count(subject), "the change was rolled back");
            assertEquals(0, notes.waitingInOutbox(subject), "and its event with it");
        }
    }

    @Test
    void anEventIsRecordedOnlyInsideTheTransactionOfItsChange() {
        UUID subject = UUID.randomUUID();
        assertThrows(TransactionalException.class,
                () -> outbox.record(Notes.TOPIC, "note.written", subject, new Notes.Written(subject, "alone")));
        assertEquals(0, notes.waitingInOutbox(subject));
    }

    @Test
    void eventsOfOneSubjectArePublishedInCommitOrder() {
        UUID subject = UUID.randomUUID();
        try (EventStream stream = EventStream.of(Notes.TOPIC)) {
            List<String> texts = List.of("one", "two", "three", "four", "five");
            texts.forEach(text -> notes.write(subject, text));

            List<JsonNode> events = stream.await(subject.toString(), texts.size(), WAIT);
            assertEquals(texts, events.stream().map(e -> e.at("/data/text").asText()).toList());
            assertFalse(events.stream().map(e -> e.path("id").asText()).distinct().count() < texts.size(),
                    "every event has its own id");
        }
    }
}
