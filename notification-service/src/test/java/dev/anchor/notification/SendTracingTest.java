package dev.anchor.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.number;
import static dev.anchor.notification.Fixtures.opened;
import static dev.anchor.notification.Fixtures.registered;
import static dev.anchor.notification.Fixtures.sendIssue;
import static dev.anchor.notification.Fixtures.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One change, one trace, to the last hop: an issue event made in a trace is applied in it, and the email it causes is
 * sent — later, from the queue — as a span of the same trace, a child of the consumer's.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
@TestProfile(SendTracingTest.Traced.class)
class SendTracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String ORIGIN = "00f067aa0ba902b7";

    /** Tracing on, spans exported at once to an in-memory exporter. */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "PT0.05S",
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:1");
        }
    }

    @ApplicationScoped
    public static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theEmailAChangeCausesIsSentInThatChangesTrace() {
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, uniqueEmail(), null, p -> { }));
        UUID issueId = UUID.randomUUID();
        ObjectNode event = opened(issue(issueId, customerId, number(), 1, "normal"));
        event.put("traceparent", "00-" + TRACE + "-" + ORIGIN + "-01");
        sendIssue(event);
        awaitNotifications(issueId, 1, "sent");

        SpanData send = awaitSpan("email send");
        SpanData apply = awaitSpan("notification-service.issue.events apply issue.opened");
        assertEquals(TRACE, apply.getTraceId());
        assertEquals(TRACE, send.getTraceId(), "the send is a span of the change's trace");
        assertEquals(apply.getSpanId(), send.getParentSpanId(), "made while the event was applied");
        assertEquals(SpanKind.CLIENT, send.getKind());
    }

    private SpanData awaitSpan(String name) {
        return Awaitility.await(name).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getName().equals(name) && s.getTraceId().equals(TRACE)).toList(), found -> !found.isEmpty())
                .getFirst();
    }
}
