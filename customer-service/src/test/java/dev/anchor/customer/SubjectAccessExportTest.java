package dev.anchor.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.customer.domain.SubjectAccessExports;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.PARTNER;
import static dev.anchor.customer.CustomerFixtures.SUPERVISOR;
import static dev.anchor.customer.CustomerFixtures.SYSTEM;
import static dev.anchor.customer.CustomerFixtures.as;
import static dev.anchor.customer.CustomerFixtures.registerId;
import static dev.anchor.customer.ExportFixtures.CONTACT;
import static dev.anchor.customer.ExportFixtures.ISSUE;
import static dev.anchor.customer.ExportFixtures.NOTIFICATION;
import static dev.anchor.customer.ExportFixtures.count;
import static dev.anchor.customer.ExportFixtures.part;
import static dev.anchor.customer.ExportFixtures.startExport;
import static dev.anchor.customer.ExportFixtures.update;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A subject access export through the real broker: the request is announced on customer.events, the parts come back
 * on export.parts (sent here as the other services would), and the document is assembled once all are in.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class SubjectAccessExportTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String EXPORTS = "/customers/{id}/exports/{exportId}";

    @Inject
    DataSource dataSource;

    @Inject
    SubjectAccessExports exports;

    private EventPublisher publisher;

    @BeforeEach
    void connect() {
        publisher = new EventPublisher();
    }

    @AfterEach
    void disconnect() {
        publisher.close();
    }

    @Test
    void aRequestIsAcceptedStoredAndAnnouncedOnCustomerEvents() {
        String id = registerId();
        try (EventStream stream = EventStream.of("customer.events")) {
            Response accepted = as(AGENT).post("/customers/{id}/exports", id);
            accepted.then().statusCode(202)
                    .header("Retry-After", "2")
                    .header("ETag", nullValue())
                    .body("customerId", equalTo(id))
                    .body("status", equalTo("pending"))
                    .body("received", empty())
                    .body("awaiting", contains(ISSUE, CONTACT, NOTIFICATION))
                    .body("requestedAt", notNullValue());
            String exportId = accepted.path("exportId");
            accepted.then().header("Location", endsWith("/customers/" + id + "/exports/" + exportId));

            List<JsonNode> events = stream.await(id, 1, WAIT);
            assertEquals(List.of("customer.export-requested"), EventStream.types(events));
            JsonNode requested = events.get(0);
            EventSchemas.assertValid(requested);
            assertEquals(id, requested.path("subject").asText());
            assertEquals(exportId, requested.at("/data/exportId").asText());
            assertEquals(id, requested.at("/data/customerId").asText());
            assertEquals(OffsetDateTime.parse(accepted.path("requestedAt")).toInstant(),
                    OffsetDateTime.parse(requested.at("/data/requestedAt").asText()).toInstant());
            assertEquals(1, count(dataSource, "select count(*) from export_job where customer_id = ?", id));
        }
    }

    @Test
    void whilePartsAreMissingItAnswers202WithWhatItAwaits() {
        String id = registerId();
        String exportId = startExport(id);
        as(SYSTEM).get(EXPORTS, id, exportId).then().statusCode(202)
                .header("Retry-After", "2")
                .header("Content-Disposition", nullValue())
                .body("exportId", equalTo(exportId))
                .body("status", equalTo("pending"))
                .body("awaiting", contains(ISSUE, CONTACT, NOTIFICATION));

        publisher.send("export.parts", part(exportId, id, CONTACT, "{\"contacts\": []}"));
        await().atMost(WAIT).untilAsserted(() -> as(AGENT).get(EXPORTS, id, exportId).then().statusCode(202)
                .body("received", contains(CONTACT))
                .body("awaiting", contains(ISSUE, NOTIFICATION)));
    }

    @Test
    void theThreePartsAssembleTheDocument() {
        String id = registerId();
        String duplicateId = registerId();
        as(AGENT).body(Map.of("duplicateId", duplicateId)).post("/customers/{id}/merge", id).then().statusCode(200);
        String exportId = startExport(id);

        publisher.send("export.parts", part(exportId, id, ISSUE, "{\"issues\": [{\"title\": \"Broken kettle\"}]}"));
        publisher.send("export.parts", part(exportId, id, CONTACT, "{\"contacts\": [{\"summary\": \"Called about it\"}]}"));
        publisher.send("export.parts", part(exportId, id, NOTIFICATION, "{\"notifications\": [{\"status\": \"delivered\"}]}"));

        await().atMost(WAIT).untilAsserted(() -> as(AGENT).get(EXPORTS, id, exportId).then().statusCode(200));
        as(SUPERVISOR).get(EXPORTS, id, exportId).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"customer-" + id + "-export.json\"")
                .header("Retry-After", nullValue())
                .body("exportId", equalTo(exportId))
                .body("customerId", equalTo(id))
                .body("status", equalTo("complete"))
                .body("requestedAt", notNullValue())
                .body("completedAt", notNullValue())
                .body("missing", nullValue())
                .body("customer.customer.id", equalTo(id))
                .body("customer.customer.givenName", equalTo("Ada"))
                .body("customer.mergedRecords.id", contains(duplicateId))
                .body("issueService.issues[0].title", equalTo("Broken kettle"))
                .body("contactService.contacts[0].summary", equalTo("Called about it"))
                .body("notificationService.notifications[0].status", equalTo("delivered"))
                .body("$", not(hasKey("parts")));
    }

    @Test
    void aSecondPartFromTheSameServiceChangesNothing() {
        String id = registerId();
        String exportId = startExport(id);
        ObjectNode first = part(exportId, id, ISSUE, "{\"issues\": [{\"title\": \"First answer\"}]}");
        publisher.send("export.parts", first);
        publisher.send("export.parts", first); // redelivered
        publisher.send("export.parts", part(exportId, id, ISSUE, "{\"issues\": [{\"title\": \"Second answer\"}]}"));
        // same key, so the same partition: applied after the duplicates above
        publisher.send("export.parts", part(exportId, id, CONTACT, "{\"contacts\": []}"));
        publisher.send("export.parts", part(exportId, id, NOTIFICATION, "{\"notifications\": []}"));

        await().atMost(WAIT).untilAsserted(() -> as(AGENT).get(EXPORTS, id, exportId).then().statusCode(200));
        as(AGENT).get(EXPORTS, id, exportId).then()
                .body("issueService.issues.title", contains("First answer"));
        assertEquals(3, count(dataSource, "select count(*) from export_part where export_id = ?", exportId));
    }

    @Test
    void partsOfUnknownExportsOrServicesAreIgnoredAndPartsBreakingTheContractRejected() {
        String id = registerId();
        String otherId = registerId();
        String exportId = startExport(id);
        String unknownExport = UUID.randomUUID().toString();
        // all keyed by the customer, so applied in this order before the last, valid parts
        publisher.send("export.parts", part(unknownExport, id, ISSUE, "{\"issues\": [\"unknown export\"]}"));
        publisher.send("export.parts", part(exportId, id, "billing-service", "{\"invoices\": []}"));
        publisher.send("export.parts", part(exportId, otherId, ISSUE, "{\"issues\": [\"someone else\"]}").put("subject", id));
        ObjectNode notAnObject = part(exportId, id, CONTACT, "{}");
        ((ObjectNode) notAnObject.get("data")).put("part", "just text");
        publisher.send("export.parts", notAnObject);
        ObjectNode withoutService = part(exportId, id, CONTACT, "{\"contacts\": [\"no service\"]}");
        ((ObjectNode) withoutService.get("data")).remove("service");
        publisher.send("export.parts", withoutService);
        publisher.send("export.parts", part(exportId, id, ISSUE, "{\"issues\": []}"));
        publisher.send("export.parts", part(exportId, id, CONTACT, "{\"contacts\": [\"valid\"]}"));
        publisher.send("export.parts", part(exportId, id, NOTIFICATION, "{\"notifications\": []}"));

        await().atMost(WAIT).untilAsserted(() -> as(AGENT).get(EXPORTS, id, exportId).then().statusCode(200));
        as(AGENT).get(EXPORTS, id, exportId).then()
                .body("issueService.issues", empty())
                .body("contactService.contacts", contains("valid"))
                .body("$", not(hasKey("billingService")));
        assertEquals(0, count(dataSource, "select count(*) from export_part where export_id = ?", unknownExport));
        assertEquals(3, count(dataSource, "select count(*) from export_part where export_id = ?", exportId));
        assertProblem(as(AGENT).get(EXPORTS, otherId, exportId).then(), 404);
    }

    @Test
    void pastTheDeadlineItAnswersWithWhatArrivedAndWhatIsMissing() {
        String id = registerId();
        String exportId = startExport(id);
        publisher.send("export.parts", part(exportId, id, ISSUE, "{\"issues\": [{\"title\": \"Late\"}]}"));
        await().atMost(WAIT).untilAsserted(() -> as(AGENT).get(EXPORTS, id, exportId).then()
                .body("received", contains(ISSUE)));
        update(dataSource, "update export_job set requested_at = requested_at - interval '11 minutes' where id = ?",
                exportId);

        Response incomplete = as(AGENT).get(EXPORTS, id, exportId);
        incomplete.then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"customer-" + id + "-export.json\"")
                .body("status", equalTo("incomplete"))
                .body("missing", contains(CONTACT, NOTIFICATION))
                .body("issueService.issues[0].title", equalTo("Late"))
                .body("customer.customer.id", equalTo(id))
                .body("contactService", nullValue());
        assertEquals(OffsetDateTime.parse(incomplete.path("requestedAt")).plusMinutes(10).toInstant(),
                OffsetDateTime.parse(incomplete.path("completedAt")).toInstant());
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstExportAndStartsNothing() {
        String id = registerId();
        String key = "export-" + UUID.randomUUID();
        try (EventStream stream = EventStream.of("customer.events")) {
            Response first = as(AGENT).header("Idempotency-Key", key).post("/customers/{id}/exports", id);
            first.then().statusCode(202);
            Response replay = as(AGENT).header("Idempotency-Key", key).post("/customers/{id}/exports", id);
            replay.then().statusCode(202)
                    .header("Idempotent-Replayed", "true")
                    .header("Location", equalTo(first.header("Location")))
                    .header("ETag", nullValue())
                    .body("exportId", equalTo(first.path("exportId")))
                    .body("status", equalTo("pending"));
            assertEquals(List.of("customer.export-requested"), EventStream.types(stream.during(id, Duration.ofSeconds(2))));
        }
        assertEquals(1, count(dataSource, "select count(*) from export_job where customer_id = ?", id));
        // the same key for another customer is another request
        String otherId = registerId();
        as(AGENT).header("Idempotency-Key", key).post("/customers/{id}/exports", otherId).then().statusCode(202)
                .body("customerId", equalTo(otherId));
    }

    @Test
    void mergedErasedAndUnknownCustomersGetProblemsAndStartNothing() {
        String survivor = registerId();
        String duplicate = registerId();
        as(AGENT).body(Map.of("duplicateId", duplicate)).post("/customers/{id}/merge", survivor).then().statusCode(200);
        assertProblem(as(AGENT).post("/customers/{id}/exports", duplicate).then(), 409)
                .body("detail", equalTo("Customer " + duplicate + " was merged into " + survivor + "; export that record"));
        as(SUPERVISOR).delete("/customers/{id}", survivor).then().statusCode(204);
        assertProblem(as(AGENT).post("/customers/{id}/exports", survivor).then(), 410)
                .body("detail", equalTo("Customer " + survivor + " was erased"));
        assertProblem(as(AGENT).post("/customers/{id}/exports", UUID.randomUUID()).then(), 404);
        assertEquals(0, count(dataSource, "select count(*) from export_job where customer_id = ?", survivor)
                + count(dataSource, "select count(*) from export_job where customer_id = ?", duplicate));
    }

    @Test
    void unknownMalformedAndForeignExportIdsAreNotFound() {
        String id = registerId();
        String otherId = registerId();
        String exportId = startExport(id);
        assertProblem(as(AGENT).get(EXPORTS, id, UUID.randomUUID()).then(), 404)
                .body("detail", startsWith("Export "));
        assertProblem(as(AGENT).get(EXPORTS, otherId, exportId).then(), 404);
        assertProblem(as(AGENT).get(EXPORTS, UUID.randomUUID(), exportId).then(), 404);
        assertProblem(as(AGENT).get("/customers/{id}/exports/not-a-uuid", id).then(), 404);
        assertProblem(as(AGENT).get(EXPORTS, "not-a-uuid", exportId).then(), 404);
        assertProblem(as(AGENT).post("/customers/not-a-uuid/exports").then(), 404);
    }

    @Test
    void badInputIsAProblemAndStartsNothing() {
        String id = registerId();
        assertProblem(as(AGENT).header("Idempotency-Key", "x".repeat(256)).post("/customers/{id}/exports", id).then(), 400)
                .body("errors.field", hasItem("Idempotency-Key"));
        assertProblem(as(AGENT).header("Idempotency-Key", "with space").post("/customers/{id}/exports", id).then(), 400);
        assertProblem(as(AGENT).body("{\"note\": \"" + "x".repeat(70_000) + "\"}").post("/customers/{id}/exports", id)
                .then(), 413);
        assertEquals(0, count(dataSource, "select count(*) from export_job where customer_id = ?", id));
    }

    @Test
    void refusedCallersStartNothing() {
        String id = registerId();
        assertProblem(as(PARTNER).post("/customers/{id}/exports", id).then(), 403);
        assertProblem(given().post("/customers/{id}/exports", id).then(), 401)
                .header("WWW-Authenticate", "Bearer");
        assertProblem(as(TestJwt.expired("agent", "a")).post("/customers/{id}/exports", id).then(), 401);
        assertProblem(as(TestJwt.forged("agent", "a")).post("/customers/{id}/exports", id).then(), 401);
        assertEquals(0, count(dataSource, "select count(*) from export_job where customer_id = ?", id));
        String exportId = startExport(id);
        assertProblem(as(PARTNER).get(EXPORTS, id, exportId).then(), 403);
        assertProblem(given().get(EXPORTS, id, exportId).then(), 401);
    }

    @Test
    void erasureDeletesTheCustomersExportsAndLatePartsAreIgnored() {
        String id = registerId();
        String exportId = startExport(id);
        publisher.send("export.parts", part(exportId, id, ISSUE, "{\"issues\": []}"));
        await().atMost(WAIT).until(() -> count(dataSource, "select count(*) from export_part where export_id = ?", exportId) == 1);

        as(SUPERVISOR).delete("/customers/{id}", id).then().statusCode(204);
        assertEquals(0, count(dataSource, "select count(*) from export_job where customer_id = ?", id));
        assertEquals(0, count(dataSource, "select count(*) from export_part where export_id = ?", exportId));
        assertProblem(as(AGENT).get(EXPORTS, id, exportId).then(), 404);

        ObjectNode late = part(exportId, id, CONTACT, "{\"contacts\": []}");
        publisher.send("export.parts", late);
        await().atMost(WAIT).until(() -> count(dataSource, "select count(*) from inbox_message where event_id = ?",
                late.get("id").asText()) == 1);
        assertEquals(0, count(dataSource, "select count(*) from export_part where export_id = ?", exportId));
    }

    @Test
    void exportsOlderThanTheRetentionArePurged() {
        String id = registerId();
        String old = startExport(id);
        String fresh = startExport(id);
        publisher.send("export.parts", part(old, id, ISSUE, "{\"issues\": []}"));
        await().atMost(WAIT).until(() -> count(dataSource, "select count(*) from export_part where export_id = ?", old) == 1);
        update(dataSource, "update export_job set requested_at = requested_at - interval '7 days 1 minute' where id = ?", old);

        exports.purge();

        assertEquals(0, count(dataSource, "select count(*) from export_job where id = ?", old));
        assertEquals(0, count(dataSource, "select count(*) from export_part where export_id = ?", old));
        assertEquals(1, count(dataSource, "select count(*) from export_job where id = ?", fresh));
        assertProblem(as(AGENT).get(EXPORTS, id, old).then(), 404);
        as(AGENT).get(EXPORTS, id, fresh).then().statusCode(202);
    }
}
