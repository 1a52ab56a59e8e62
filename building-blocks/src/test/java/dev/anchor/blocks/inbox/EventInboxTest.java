package dev.anchor.blocks.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.EventData;
import dev.anchor.blocks.events.MalformedEvent;
import dev.anchor.blocks.testapp.Notes;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.EventStream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The inbox's policy, fed directly: an event is applied once; a database out of reach is waited for; one that cannot
 * be read, breaks its contract or fails every attempt is rejected — rolled back whole, counted, parked on the
 * consumer's dead-letter topic (read back from the broker) — and consumption goes on.
 */
@QuarkusTest
class EventInboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventInbox inbox;
    @Inject
    Notes notes;
    @Inject
    MeterRegistry registry;

    @Test
    void aDuplicateDeliveryIsAppliedOnce() {
        String consumer = consumer();
        UUID subject = UUID.randomUUID();
        String payload = event(subject, "once").toString();
        List<CloudEvent> handled = new ArrayList<>();
        Consumer<CloudEvent> handler = event -> {
            handled.add(event);
            notes.keep(subject, EventData.of(event).text("text"));
        };

        assertTrue(inbox.apply(consumer, payload, handler));
        assertFalse(inbox.apply(consumer, payload, handler), "the redelivery is skipped");

        assertEquals(1, handled.size());
        assertEquals(subject.toString(), handled.get(0).subject());
        assertEquals(1, notes.count(subject));
        assertTrue(notes.claimed(consumer, handled.get(0).id()));
        assertEquals(0, rejected(consumer, "malformed") + rejected(consumer, "unreadable"));
    }

    @Test
    void anotherConsumerOfTheSameEventAppliesItToo() {
        UUID subject = UUID.randomUUID();
        String payload = event(subject, "both").toString();
        assertTrue(inbox.apply(consumer(), payload, event -> notes.keep(subject, "first")));
        assertTrue(inbox.apply(consumer(), payload, event -> notes.keep(subject, "second")));
        assertEquals(2, notes.count(subject));
    }

    @Test
    void anUnreadablePayloadIsRejectedWithoutRunningTheHandler() {
        String consumer = consumer();
        AtomicInteger runs = new AtomicInteger();
        ObjectNode withoutData = event(UUID.randomUUID(), "x");
        withoutData.remove("data");
        ObjectNode dataNotAnObject = event(UUID.randomUUID(), "x");
        dataNotAnObject.put("data", "text");
        ObjectNode idNotAUuid = event(UUID.randomUUID(), "x");
        idNotAUuid.put("id", "42");
        ObjectNode withoutSubject = event(UUID.randomUUID(), "x");
        withoutSubject.remove("subject");
        List<String> payloads = List.of("not json {", "[]", "null", "\"text\"", withoutData.toString(),
                dataNotAnObject.toString(), idNotAUuid.toString(), withoutSubject.toString());

        for (String payload : payloads) {
            assertFalse(inbox.apply(consumer, payload, event -> runs.incrementAndGet()), payload);
        }

        assertEquals(0, runs.get());
        assertEquals(payloads.size(), rejected(consumer, "unreadable"));
        assertEquals(0, rejected(consumer, "malformed"));
    }

    @Test
    void aMalformedEventIsRolledBackWholeCountedAndSkipped() {
        String consumer = consumer();
        UUID subject = UUID.randomUUID();
        ObjectNode event = event(subject, "written, then refused");
        UUID eventId = UUID.fromString(event.path("id").asText());

        boolean applied = inbox.apply(consumer, event.toString(), e -> {
            notes.keep(subject, "written before the handler saw the problem");
            throw new MalformedEvent("data.text is out of contract");
        });

        assertFalse(applied);
        assertEquals(0, notes.count(subject), "the row the handler wrote is rolled back");
        assertFalse(notes.claimed(consumer, eventId), "the inbox claim is not kept");
        assertEquals(1, rejected(consumer, "malformed"));
        assertEquals(0, rejected(consumer, "unreadable"));

        // a later, fixed handler may still apply the same event: nothing of the rejected attempt remains
        assertTrue(inbox.apply(consumer, event.toString(), e -> notes.keep(subject, "applied")));
        assertEquals(1, notes.count(subject));
    }

    @Test
    void aMalformedEventIsFoundAnywhereInTheCauseChain() {
        String consumer = consumer();
        UUID subject = UUID.randomUUID();
        boolean applied = inbox.apply(consumer, event(subject, "x").toString(), e -> {
            notes.keep(subject, "x");
            throw new IllegalStateException("wrapped", new RuntimeException(new MalformedEvent("deep inside")));
        });
        assertFalse(applied);
        assertEquals(0, notes.count(subject));
        assertEquals(1, rejected(consumer, "malformed"));
    }

    @Test
    void eventDataReadersRejectTheEventTheyCannotRead() {
        String consumer = consumer();
        UUID subject = UUID.randomUUID();
        ObjectNode event = event(subject, "x");
        ((ObjectNode) event.path("data")).put("count", "three");
        assertFalse(inbox.apply(consumer, event.toString(), e -> {
            notes.keep(subject, "x");
            EventData.of(e).integer("count");
        }));
        assertEquals(0, notes.count(subject));
        assertEquals(1, rejected(consumer, "malformed"));
    }

    @Test
    void aFailureThatPassesIsRetriedAndAppliedOnce() {
        String consumer = consumer();
        UUID subject = UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();

        assertTrue(inbox.apply(consumer, event(subject, "x").toString(), e -> {
            notes.keep(subject, "attempt " + calls.incrementAndGet());
            if (calls.get() < 3) {
                throw new IllegalStateException("a passing fault");
            }
        }));

        assertEquals(3, calls.get());
        assertEquals(1, notes.count(subject), "the failed attempts were rolled back");
        assertEquals(0, rejected(consumer, "failed"));
    }

    @Test
    void theDatabaseOutOfReachIsWaitedForNotRejected() {
        String consumer = consumer();
        UUID subject = UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();

        // more outage answers than the attempts any other failure gets: waiting has no budget to spend
        assertTrue(inbox.apply(consumer, event(subject, "x").toString(), e -> {
            if (calls.incrementAndGet() <= 6) {
                throw new IllegalStateException(new SQLException("the database system is shutting down", "57P01"));
            }
            notes.keep(subject, "x");
        }));

        assertEquals(7, calls.get());
        assertEquals(1, notes.count(subject));
        assertEquals(0, rejected(consumer, "failed") + rejected(consumer, "malformed"));
    }

    @Test
    void anEventFailingEveryAttemptIsParkedOnTheDeadLetterTopicAndConsumptionGoesOn() {
        String consumer = consumer();
        UUID subject = UUID.randomUUID();
        ObjectNode event = event(subject, "x");
        UUID eventId = UUID.fromString(event.path("id").asText());

        try (EventStream dlq = EventStream.of(RejectedEvents.deadLetterTopic(consumer))) {
            assertFalse(inbox.apply(consumer, event.toString(), e -> {
                notes.keep(subject, "x");
                throw new IllegalStateException("a bug in the handler");
            }));

            assertEquals(0, notes.count(subject));
            assertFalse(notes.claimed(consumer, eventId), "not claimed: a replay may apply it");
            assertEquals(1, rejected(consumer, "failed"));
            JsonNode letter = dlq.await(subject.toString(), 1, Duration.ofSeconds(15)).get(0);
            assertEquals(consumer, letter.path("consumer").asText());
            assertEquals("failed", letter.path("reason").asText());
            assertEquals("IllegalStateException", letter.path("detail").asText());
            assertEquals(eventId.toString(), letter.path("eventId").asText());
            assertEquals(event.toString(), letter.path("record").asText(), "the record exactly as it arrived");
        }
        // the replay of a parked record, once the handler is fixed
        assertTrue(inbox.apply(consumer, event.toString(), e -> notes.keep(subject, "x")));
        assertEquals(1, notes.count(subject));
    }

    @Test
    void anEventBreakingItsPublishedSchemaIsParkedBeforeAnythingIsWritten() {
        String consumer = consumer();
        UUID customer = UUID.randomUUID();
        ObjectNode valid = EventPublisher.event("/anchor/customer-service", "customer.erased", customer.toString(),
                JSON.createObjectNode().put("customerId", customer.toString()).put("erasedAt", "2026-12-01T10:00:00Z"));
        ((ObjectNode) valid.path("data")).putArray("mergedIds");
        ObjectNode zombie = valid.deepCopy();
        zombie.put("id", UUID.randomUUID().toString());
        ((ObjectNode) zombie.path("data")).put("status", "zombie"); // a member the contract does not have
        ObjectNode foreign = valid.deepCopy();
        foreign.put("id", UUID.randomUUID().toString());
        foreign.put("source", "/somewhere/else");
        AtomicInteger runs = new AtomicInteger();

        try (EventStream dlq = EventStream.of(RejectedEvents.deadLetterTopic(consumer))) {
            assertFalse(inbox.apply(consumer, zombie.toString(), e -> runs.incrementAndGet()));
            assertFalse(inbox.apply(consumer, foreign.toString(), e -> runs.incrementAndGet()));
            assertEquals(0, runs.get(), "no handler sees an event out of contract");
            assertFalse(notes.claimed(consumer, UUID.fromString(zombie.path("id").asText())));
            assertEquals(2, rejected(consumer, "malformed"));
            List<JsonNode> letters = dlq.await(customer.toString(), 2, Duration.ofSeconds(15));
            assertTrue(letters.get(0).path("detail").asText().startsWith("breaks its published schema"),
                    letters.get(0).toString());
            assertEquals(zombie.toString(), letters.get(0).path("record").asText());
        }
        // the aggregate's next valid event is applied as usual
        assertTrue(inbox.apply(consumer, valid.toString(), e -> runs.incrementAndGet()));
        assertEquals(1, runs.get());
        // a type without a published contract is left to the handler (which ignores what it does not know)
        assertTrue(inbox.apply(consumer, event(customer, "no contract").toString(), e -> runs.incrementAndGet()));
        assertEquals(2, runs.get());
    }

    @Test
    void anUnreadableRecordIsParkedAsItArrivedWithItsHeadersAndPlace() {
        String consumer = consumer();
        ConsumerRecord<String, String> record = new ConsumerRecord<>("customer.events", 2, 4711L, "key", "not json {");
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                .getBytes(StandardCharsets.UTF_8));
        try (EventStream dlq = EventStream.of(RejectedEvents.deadLetterTopic(consumer))) {
            assertFalse(inbox.apply(consumer, record, e -> fail("no handler for an unreadable record")));
            JsonNode letter = dlq.await(consumer, 1, Duration.ofSeconds(15)).get(0);
            assertEquals("unreadable", letter.path("reason").asText());
            assertEquals("not json {", letter.path("record").asText());
            assertEquals("application/cloudevents+json", letter.at("/headers/content-type").asText());
            assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                    letter.at("/headers/traceparent").asText());
            assertEquals(2, letter.path("partition").asInt());
            assertEquals(4711L, letter.path("offset").asLong());
        }
    }

    private double rejected(String consumer, String reason) {
        Counter counter = registry.find("anchor.events.rejected").tags("consumer", consumer, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Each test its own consumer, so counters and claims start from nothing. */
    private static String consumer() {
        return "building-blocks.test-" + UUID.randomUUID();
    }

    private static ObjectNode event(UUID subject, String text) {
        return EventPublisher.event("/anchor/test", "note.written", subject.toString(),
                JSON.createObjectNode().put("text", text));
    }
}
