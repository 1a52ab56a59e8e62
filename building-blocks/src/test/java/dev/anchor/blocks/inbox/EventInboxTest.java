package dev.anchor.blocks.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.EventData;
import dev.anchor.blocks.events.MalformedEvent;
import dev.anchor.blocks.testapp.Notes;
import dev.anchor.blocks.testing.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inbox's policy, fed directly (no broker): an event is applied once; one that cannot be read or breaks its
 * contract is rejected — rolled back whole, counted, skipped — and any other failure rolls back and propagates.
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
    void anyOtherFailureRollsBackAndPropagatesSoTheEventIsRedelivered() {
        String consumer = consumer();
        UUID subject = UUID.randomUUID();
        ObjectNode event = event(subject, "x");
        IllegalStateException failure = new IllegalStateException("the database is read-only today");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> inbox.apply(consumer, event.toString(), e -> {
            notes.keep(subject, "x");
            throw failure;
        }));

        assertSame(failure, rootOrSelf(thrown, failure));
        assertEquals(0, notes.count(subject));
        assertFalse(notes.claimed(consumer, UUID.fromString(event.path("id").asText())));
        assertEquals(0, rejected(consumer, "malformed") + rejected(consumer, "unreadable"));
        assertTrue(inbox.apply(consumer, event.toString(), e -> notes.keep(subject, "x")), "the redelivery applies");
    }

    private static Throwable rootOrSelf(Throwable thrown, Throwable expected) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t == expected) {
                return t;
            }
        }
        return thrown;
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
