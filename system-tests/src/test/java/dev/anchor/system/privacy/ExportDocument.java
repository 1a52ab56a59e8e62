package dev.anchor.system.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.system.journey.Anchor;
import dev.anchor.system.journey.Anchor.Caller;
import io.restassured.response.Response;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static dev.anchor.system.journey.Anchor.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A subject access export as a client fetches it: requested, then polled at its Location as Retry-After asks. */
final class ExportDocument {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private ExportDocument() {
    }

    /** The Location of a newly requested export (202). */
    static String request(Anchor anchor, Caller caller, String customerId) {
        Response started = anchor.customers(caller).header("Idempotency-Key", Anchor.idempotencyKey())
                .post("/customers/{id}/exports", customerId);
        expect(started, 202, "request the export");
        String location = started.header("Location");
        assertTrue(location != null && location.contains("/customers/" + customerId + "/exports/"), "Location: " + location);
        assertEquals("2", started.header("Retry-After"), "Retry-After");
        return location;
    }

    /** Polls the export until it answers 200, waiting what each 202's Retry-After says; the document. */
    static JsonNode await(Anchor anchor, Caller caller, String location) {
        String path = location.replaceFirst("^https?://[^/]+", ""); // absolute or not, it is customer-service's
        AtomicReference<Response> last = new AtomicReference<>();
        AtomicReference<Duration> retryAfter = new AtomicReference<>(Duration.ZERO);
        Awaitility.await("the export completes").atMost(BOUND).pollDelay(Duration.ZERO)
                .pollInterval((count, previous) -> retryAfter.get())
                .until(() -> {
                    Response response = anchor.customers(caller).get(path);
                    last.set(response);
                    if (response.statusCode() == 202) {
                        String header = response.header("Retry-After");
                        assertTrue(header != null && header.matches("\\d+"), "a pending export says when to ask again");
                        retryAfter.set(Duration.ofSeconds(Long.parseLong(header)));
                        return false;
                    }
                    return true;
                });
        Response done = last.get();
        assertTrue(done.header("Content-Disposition") != null && done.header("Content-Disposition").startsWith("attachment"),
                "the document is an attachment: " + done.header("Content-Disposition"));
        return expect(done, 200, "the export document");
    }
}
