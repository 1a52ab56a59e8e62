package dev.anchor.blocks.tracing;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.blocks.testapp.Notes;
import dev.anchor.blocks.testing.EventStream;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One change, one trace: the HTTP request that writes a note, the relay's hop to the broker and a consumer's applying
 * of the event (and what it records in turn) share one trace id, each hop a child of the one before; the CloudEvent
 * and the Kafka record carry it as W3C {@code traceparent}.
 */
@QuarkusTest
@TestProfile(OneTracePerChangeTest.Traced.class)
class OneTracePerChangeTest {

    /** Tracing on, spans exported at once to the test application's in-memory exporter. */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "PT0.05S",
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:1");
        }
    }

    private static final String PUBLISH = dev.anchor.blocks.events.Topics.named(Notes.TOPIC) + " publish";

    @Inject
    InMemorySpanExporter spans;
    @Inject
    EventInbox inbox;
    @Inject
    Notes notes;

    @Test
    void aNoteItsPublicationAndItsConsumptionAreOneTrace() {
        try (EventStream stream = EventStream.of(Notes.TOPIC)) {
            String text = "traced " + UUID.randomUUID();
            given().contentType("application/json").body(Map.of("text", text)).post("/test/notes").then().statusCode(201);

            ConsumerRecord<String, String> record = Awaitility.await("the note's event on the broker")
                    .atMost(Duration.ofSeconds(30)).until(() -> {
                        stream.during("-", Duration.ofMillis(200));
                        return stream.records().stream().filter(r -> r.value().contains(text)).findFirst().orElse(null);
                    }, r -> r != null);
            String header = new String(record.headers().lastHeader(TraceContext.TRACEPARENT).value(), StandardCharsets.UTF_8);
            String inEvent = record.value().replaceAll(".*\"traceparent\":\"([^\"]+)\".*", "$1");
            String trace = inEvent.split("-")[1];

            SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(trace));
            SpanData publish = awaitSpan(s -> s.getName().equals(PUBLISH) && s.getTraceId().equals(trace));
            assertEquals(server.getSpanId(), inEvent.split("-")[2], "the event names the request's span");
            assertEquals(server.getSpanId(), publish.getParentSpanId(), "the relay's hop follows the request");
            assertEquals(SpanKind.PRODUCER, publish.getKind());
            assertEquals(publish.getSpanId(), header.split("-")[2], "the Kafka record names the relay's span");

            // a consumer applies it outside any current span (as after a redelivery): the event's own context is used
            AtomicReference<String> applying = new AtomicReference<>();
            UUID subject = UUID.randomUUID();
            assertTrue(inbox.apply("building-blocks.tracing-test", record.value(), event -> {
                applying.set(Span.current().getSpanContext().getTraceId());
                notes.write(subject, "answer to " + text); // the next hop's event
            }));
            assertEquals(trace, applying.get(), "the handler runs in the change's trace");
            SpanData apply = awaitSpan(s -> s.getName().equals("building-blocks.tracing-test apply note.written"));
            assertEquals(trace, apply.getTraceId());
            assertEquals(server.getSpanId(), apply.getParentSpanId());
            List<SpanData> answer = awaitSpans(s -> s.getName().equals(PUBLISH) && s.getTraceId().equals(trace), 2);
            assertEquals(apply.getSpanId(), answer.stream().filter(s -> !s.getSpanId().equals(publish.getSpanId()))
                    .findFirst().orElseThrow().getParentSpanId(), "what the consumer recorded continues the trace");
        }
    }

    @Test
    void outsideAnyTraceAnEventCarriesNone() {
        UUID subject = UUID.randomUUID();
        try (EventStream stream = EventStream.of(Notes.TOPIC)) {
            notes.write(subject, "untraced"); // no request, no span
            String value = stream.await(subject.toString(), 1, Duration.ofSeconds(30)).getFirst().toString();
            assertTrue(!value.contains("traceparent"), value);
            ConsumerRecord<String, String> record = stream.records().stream().filter(r -> subject.toString().equals(r.key()))
                    .findFirst().orElseThrow();
            assertNull(record.headers().lastHeader(TraceContext.TRACEPARENT));
        }
        assertNotNull(TraceContext.parent(null));
    }

    private SpanData awaitSpan(java.util.function.Predicate<SpanData> which) {
        return awaitSpans(which, 1).getFirst();
    }

    private List<SpanData> awaitSpans(java.util.function.Predicate<SpanData> which, int count) {
        return Awaitility.await("spans (all: " + spans.getFinishedSpanItems().stream()
                        .map(s -> s.getName() + "/" + s.getKind() + "/" + s.getTraceId()).toList() + ")").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> spans.getFinishedSpanItems().stream().filter(which).toList(), found -> found.size() >= count);
    }
}
