package dev.anchor.issue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.PersonalTextSearch;
import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.issue.api.statuspage.TokenGuessThrottle;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.BOB;
import static dev.anchor.issue.IssueFixtures.MAPPER;
import static dev.anchor.issue.IssueFixtures.PARTNER;
import static dev.anchor.issue.IssueFixtures.SUPERVISOR;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customerState;
import static dev.anchor.issue.IssueFixtures.publishCustomer;
import static dev.anchor.issue.IssueFixtures.awaitReplica;
import static dev.anchor.issue.IssueFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * customer.erased leaves none of the customer's personal data (nor of records merged into it) anywhere in
 * issue-service's database — proved by searching every row of every table for strings only this test used — while
 * their issues keep their number, status, dates, priority, category and owner; and nothing brought in later, by a
 * redelivery or a late event, puts any of it back.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ErasureTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource db;

    @Inject
    TokenGuessThrottle throttle;

    private EventPublisher publisher;

    @BeforeEach
    void connect() {
        publisher = new EventPublisher();
        throttle.reset();
    }

    @AfterEach
    void disconnect() {
        publisher.close();
    }

    @Test
    void erasureLeavesNoPersonalDataBehindAndNothingBringsItBack() throws Exception {
        String marker = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        UUID customer = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        ObjectNode registered = customerState(customer, marker + "Given " + marker + "Family", "en", "Europe/London", 0, "active");
        ObjectNode registeredEvent = publishCustomer("customer.registered", registered);
        publishCustomer("customer.registered", customerState(duplicate, marker + "Dup Licate", "fr", "Europe/Paris", 0, "active"));
        awaitReplica(customer, 0);
        awaitReplica(duplicate, 0);

        // An issue with everything that can carry personal text: title, description, next action, comments, an
        // action, a handoff, the customer's own comment through the status page, a contact and a failed message.
        var opened = as(AGENT).header("Idempotency-Key", "erase-" + marker).body("""
                {"customerId": "%s", "title": "%s title", "description": "%s description", "category": "appliance",
                 "priority": "high", "channel": "phone"}""".formatted(customer, marker, marker))
                .post("/issues").then().statusCode(201).extract();
        String id = opened.path("id");
        String number = opened.path("number");
        as(AGENT).post("/issues/{id}/assignment", id).then().statusCode(200);
        // Ours, so the customer's comment below does not answer (end) it: its text must still be there to erase.
        as(AGENT).body(Map.of("what", marker + " sends photos", "who", "agent", "dueAt", "2031-03-01T09:00:00Z"))
                .put("/issues/{id}/next-action", id).then().statusCode(200);
        as(AGENT).body(Map.of("text", marker + " public comment", "visibility", "public"))
                .post("/issues/{id}/comments", id).then().statusCode(201);
        as(AGENT).body(Map.of("text", marker + " internal comment", "visibility", "internal"))
                .post("/issues/{id}/comments", id).then().statusCode(201);
        as(AGENT).body(Map.of("kind", "repair", "place", marker + " Street 1", "scheduledAt", "2031-02-01T10:00:00Z"))
                .post("/issues/{id}/actions", id).then().statusCode(201);
        String url = as(AGENT).post("/issues/{id}/status-link", id).then().statusCode(201).extract().path("statusUrl");
        String token = url.substring(url.lastIndexOf('/') + 1);
        given().redirects().follow(false).formParam("text", marker + " customer comment")
                .formParam("formToken", StatusPageTest.formToken("/status/" + token))
                .post("/status/{token}/comments", token).then().statusCode(303);
        as(AGENT).body(Map.of("toAgentId", IssueFixtures.BOB_ID, "toAgentName", "Bob Baker",
                        "introduction", marker + " introduction", "previousOwnerBackAt", "2031-02-27T08:00:00Z"))
                .post("/issues/{id}/handoffs", id).then().statusCode(200);
        ObjectNode contact = contactLogged(id, marker + " contact summary");
        ObjectNode failed = notification("notification.failed", id, marker + " mail summary", marker + " bounced");
        publisher.send("contact.events", contact);
        publisher.send("notification.events", failed);
        awaitApplied("issue-service.contact.events", contact);
        awaitApplied("issue-service.notification.events", failed);
        // An issue of a record later merged into the customer (the merge has not reached issue-service).
        String dupIssue = as(AGENT).body("""
                {"customerId": "%s", "title": "%s duplicate title", "description": "%s duplicate description",
                 "category": "billing", "priority": "low", "channel": "email"}""".formatted(duplicate, marker, marker))
                .post("/issues").then().statusCode(201).extract().path("id");
        // A customer who is not erased keeps everything.
        UUID bystander = IssueFixtures.customer(marker + "Other Person", "en", "UTC");
        String otherIssue = as(AGENT).body("""
                {"customerId": "%s", "title": "Bystander title", "category": "appliance", "priority": "normal",
                 "channel": "phone"}""".formatted(bystander)).post("/issues").then().statusCode(201).extract().path("id");

        List<String> before = rowsMentioning(marker);
        for (String table : List.of("customer_replica", "issue", "issue_entry", "idempotency_record")) {
            assertTrue(before.stream().anyMatch(row -> row.startsWith(table + ":")),
                    "the test data is in " + table + " before erasure: " + before);
        }
        long entriesBefore = Long.parseLong(sql("select count(*) from issue_entry where issue_id = ?", UUID.fromString(id)));
        int versionBefore = as(SUPERVISOR).get("/issues/{id}", id).then().extract().path("version");

        ObjectNode erased = erasedEvent(customer, duplicate);
        EventSchemas.assertValid(erased);
        publisher.send("customer.events", erased);
        awaitApplied("issue-service.customer.events", erased);

        // Redelivery and late events about the erased customer and their issue.
        ObjectNode lateUpdate = IssueFixtures.customerState(customer, marker + "Late Name", "de", "Europe/Berlin", 9, "active");
        ObjectNode lateUpdateEvent = publishCustomer("customer.updated", lateUpdate);
        publisher.send("customer.events", registeredEvent);
        publisher.send("customer.events", erased);
        ObjectNode lateContact = contactLogged(id, marker + " late contact summary");
        ObjectNode lateMail = notification("notification.sent", id, marker + " late mail summary", null);
        publisher.send("contact.events", lateContact);
        publisher.send("contact.events", contact);
        publisher.send("notification.events", lateMail);
        awaitApplied("issue-service.customer.events", lateUpdateEvent);
        awaitApplied("issue-service.contact.events", lateContact);
        awaitApplied("issue-service.notification.events", lateMail);
        // Staff may still work the issue; what they write about the erased customer does not stay on the trail.
        as(BOB).body(Map.of("text", marker + " late agent comment", "visibility", "public"))
                .post("/issues/{id}/comments", id).then().statusCode(201);
        // The customer's link is dead and no new one is handed out.
        given().accept("application/json").get("/status/{token}", token).then().statusCode(404);
        assertProblem(as(AGENT).post("/issues/{id}/status-link", id).then(), 422);

        // The events already written (issue.opened carries the title) leave with the relay; then search everything.
        Awaitility.await().atMost(WAIT).until(() -> Long.parseLong(sql(
                "select count(*) from outbox_message where payload like ?", "%" + marker + "%")) == 0);
        List<String> after = rowsMentioning(marker);
        assertEquals(List.of(), after.stream().filter(row -> !row.contains(marker + "Other Person")).toList(),
                "no personal data of the erased customer remains anywhere");
        assertTrue(after.stream().anyMatch(row -> row.startsWith("customer_replica:")), "the bystander is untouched: " + after);

        // The non-personal facts remain.
        String issueJson = as(SUPERVISOR).get("/issues/{id}", id).then().statusCode(200)
                .body("number", equalTo(number)).body("title", equalTo("[erased]")).body("description", nullValue())
                .body("status", equalTo("open")).body("priority", equalTo("high"))
                .body("category", equalTo("appliance")).body("channel", equalTo("phone"))
                .body("owner.id", equalTo(IssueFixtures.BOB_ID)).body("owner.displayName", equalTo("Bob Baker"))
                .body("customerId", equalTo(customer.toString())).body("nextAction.what", equalTo("[erased]"))
                .extract().asString();
        assertFalse(issueJson.contains(marker), issueJson);
        assertTrue(as(SUPERVISOR).get("/issues/{id}", id).then().extract().<Integer>path("version") > versionBefore,
                "the erasure moved the issue's version on (cached copies are stale)");
        as(AGENT).get("/issues/{id}", number).then().statusCode(200).body("id", equalTo(id));
        String timeline = as(SUPERVISOR).queryParam("size", 100).get("/issues/{id}/timeline", id).then().statusCode(200)
                .body("items.kind", hasItem("issue.opened")).body("items.kind", hasItem("issue.assigned"))
                .body("items.kind", hasItem("contact.logged")).body("items.kind", hasItem("notification.failed"))
                .body("items.summary", hasItem("Bob Baker now owns this issue; Alice Archer is back 2031-02-27T08:00Z"))
                .body("items.detail", not(hasItem(marker + " introduction")))
                .extract().asString();
        assertFalse(timeline.contains(marker), timeline);
        assertEquals(entriesBefore + 3, Long.parseLong(sql("select count(*) from issue_entry where issue_id = ?",
                UUID.fromString(id))), "nothing was removed from the trail; the late entries were added (erased)");
        as(SUPERVISOR).get("/issues/{id}", dupIssue).then().statusCode(200).body("title", equalTo("[erased]"))
                .body("priority", equalTo("low"));
        as(SUPERVISOR).get("/issues/{id}", otherIssue).then().statusCode(200).body("title", equalTo("Bystander title"));
        assertEquals("erased", sql("select status from customer_replica where id = ?", customer));
        assertEquals("erased", sql("select status from customer_replica where id = ?", duplicate));
    }

    @Test
    void theMarkerSearchFindsNothingOfAnErasedCustomerAnywhere() throws Exception {
        String marker = "Mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UUID customer = IssueFixtures.customer(marker + "Given " + marker + "Family", "en", "UTC");
        String due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).withNano(0).toString();

        // Everything staff can write about the customer, each with an Idempotency-Key where the API takes one.
        String id = as(AGENT).header("Idempotency-Key", "open-" + marker).body("""
                {"customerId": "%s", "title": "%s subject", "description": "%s description", "category": "appliance",
                 "priority": "normal", "channel": "phone", "locationId": "store-12", "takeOwnership": true}"""
                .formatted(customer, marker, marker)).post("/issues").then().statusCode(201).extract().path("id");
        as(AGENT).body(Map.of("what", marker + " next action", "who", "partner", "dueAt", due, "locationId", "repair-3"))
                .put("/issues/{id}/next-action", id).then().statusCode(200);
        as(AGENT).header("Idempotency-Key", "pc-" + marker).body(Map.of("text", marker + " public comment", "visibility", "public"))
                .post("/issues/{id}/comments", id).then().statusCode(201);
        as(AGENT).header("Idempotency-Key", "ic-" + marker).body(Map.of("text", marker + " staff note", "visibility", "internal"))
                .post("/issues/{id}/comments", id).then().statusCode(201);
        as(AGENT).header("Idempotency-Key", "ac-" + marker).body(Map.of("kind", "other", "note", marker + " action note"))
                .post("/issues/{id}/actions", id).then().statusCode(201);
        as(PARTNER).header("Idempotency-Key", "rp-" + marker).body(Map.of("kind", "repair", "place", marker + " Mill Lane",
                "scheduledAt", due)).post("/issues/{id}/actions", id).then().statusCode(201);
        as(PARTNER).body(Map.of("kind", "repair_done", "place", marker + " bench", "note", marker + " repair note"))
                .post("/issues/{id}/actions", id).then().statusCode(201);
        as(AGENT).header("Idempotency-Key", "ho-" + marker).body(Map.of("toAgentId", IssueFixtures.BOB_ID,
                        "toAgentName", "Bob Baker", "introduction", marker + " handoff note"))
                .post("/issues/{id}/handoffs", id).then().statusCode(200);
        IssueFixtures.moveTo(BOB, id, "resolved").then().statusCode(200);
        as(BOB).body(Map.of("reason", marker + " reopen reason")).post("/issues/{id}/reopen", id).then().statusCode(200);
        // The partner's repair_done and the resolution ended the first next action: a new one, ours, with its text.
        as(BOB).body(Map.of("what", marker + " next action again", "who", "agent", "dueAt", due))
                .put("/issues/{id}/next-action", id).then().statusCode(200);
        // The customer's own comment through the status page.
        String url = as(BOB).post("/issues/{id}/status-link", id).then().statusCode(201).extract().path("statusUrl");
        String token = url.substring(url.lastIndexOf('/') + 1);
        given().redirects().follow(false).formParam("text", marker + " status-page comment")
                .formParam("formToken", StatusPageTest.formToken("/status/" + token))
                .post("/status/{token}/comments", token).then().statusCode(303);
        // What contact- and notification-service tell about it.
        ObjectNode contact = contactLogged(id, marker + " contact summary");
        ObjectNode amended = contactLogged(id, marker + " amended summary");
        amended.put("type", "contact.amended");
        ((ObjectNode) amended.path("data")).putObject("amendment").put("by", "agent.alice")
                .put("at", OffsetDateTime.now(ZoneOffset.UTC).toString()).put("reason", "typo")
                .putArray("fields").add("summary");
        ((ObjectNode) amended.at("/data/contact")).put("version", 1);
        dev.anchor.blocks.testing.EventSchemas.assertValid(amended);
        ObjectNode sent = notification("notification.sent", id, marker + " sent summary", null);
        ObjectNode suppressed = notification("notification.suppressed", id, marker + " held summary", marker + " reason");
        for (ObjectNode event : List.of(contact, amended)) {
            publisher.send("contact.events", event);
        }
        for (ObjectNode event : List.of(sent, suppressed)) {
            publisher.send("notification.events", event);
        }
        awaitApplied("issue-service.contact.events", amended);
        awaitApplied("issue-service.notification.events", suppressed);
        List<String> before = PersonalTextSearch.columnsHolding(db, marker);
        for (String column : List.of("customer_replica.display_name", "issue.title", "issue.description",
                "issue.next_what", "issue_entry.summary", "issue_entry.detail", "issue_entry.facts",
                "idempotency_record.body")) {
            assertTrue(before.stream().anyMatch(found -> found.startsWith(column + " ")),
                    "the marker is in " + column + " before the erasure: " + before);
        }

        ObjectNode erased = erasedEvent(customer);
        publisher.send("customer.events", erased);
        awaitApplied("issue-service.customer.events", erased);
        // Late arrivals and staff still working the issue keep nothing personal either.
        ObjectNode lateSuppressed = notification("notification.suppressed", id, marker + " late summary", marker + " late");
        ObjectNode lateContact = contactLogged(id, marker + " late contact");
        publisher.send("notification.events", lateSuppressed);
        publisher.send("contact.events", lateContact);
        // (the key is the client's own word, not the customer's text: what must hold none of it is the stored answer)
        as(BOB).header("Idempotency-Key", "late-" + UUID.randomUUID()).body(Map.of("text", marker + " late note", "visibility", "internal"))
                .post("/issues/{id}/comments", id).then().statusCode(201);
        as(BOB).body(Map.of("what", marker + " late next action", "who", "agent", "dueAt", due))
                .put("/issues/{id}/next-action", id).then().statusCode(200);
        awaitApplied("issue-service.notification.events", lateSuppressed);
        awaitApplied("issue-service.contact.events", lateContact);

        // The events written before (issue.opened carries the title) leave with the relay; then nothing is left.
        Awaitility.await().atMost(WAIT).until(() -> Long.parseLong(sql(
                "select count(*) from outbox_message where payload like ?", "%" + marker + "%")) == 0);
        assertEquals(List.of(), PersonalTextSearch.columnsHolding(db, marker),
                "no column of issue-service's schema holds the erased customer's text");
        as(SUPERVISOR).get("/issues/{id}", id).then().statusCode(200).body("title", equalTo("[erased]"))
                .body("nextAction.what", equalTo("[erased]")).body("locations", hasItem("repair-3"));
    }

    @Test
    void aContactOrMessageArrivingWhileTheErasureIsUnderWayWaitsForItAndKeepsNothingPersonal() throws Exception {
        String marker = "Rc" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UUID customer = IssueFixtures.customer("Grace Hopper", "en", "UTC");
        String id = as(AGENT).body("""
                {"customerId": "%s", "title": "Printer jams", "category": "office", "priority": "normal",
                 "channel": "phone"}""".formatted(customer)).post("/issues").then().statusCode(201).extract().path("id");
        ObjectNode suppressed = notification("notification.suppressed", id, marker + " held summary", marker + " reason");
        ObjectNode contact = contactLogged(id, marker + " contact summary");
        // An erasure's transaction, held open where it has taken the customer's lock and marked them erased.
        try (Connection erasure = db.getConnection()) {
            erasure.setAutoCommit(false);
            try (PreparedStatement lock = erasure.prepareStatement(
                    "update customer_replica set status = 'erased', display_name = null where id = ?")) {
                lock.setObject(1, customer);
                assertEquals(1, lock.executeUpdate());
            }
            publisher.send("notification.events", suppressed);
            publisher.send("contact.events", contact);
            // Both wait for the erasure: with the customer still active in the committed state, nothing is applied.
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() ->
                    "0".equals(sql("select count(*) from inbox_message where event_id in (?, ?)",
                            UUID.fromString(suppressed.path("id").asText()), UUID.fromString(contact.path("id").asText()))));
            erasure.commit();
        }
        awaitApplied("issue-service.notification.events", suppressed);
        awaitApplied("issue-service.contact.events", contact);
        assertEquals(List.of(), PersonalTextSearch.columnsHolding(db, marker),
                "what arrived during the erasure was written without the customer's text");
        assertEquals("2", sql("select count(*) from issue_entry where issue_id = ? and erased_at is not null "
                + "and kind in ('notification.suppressed', 'contact.logged')", UUID.fromString(id)),
                "both are on the trail, written already erased");
    }

    @Test
    void theTrailStaysAppendOnlyForEverythingButTheErasure() throws Exception {
        String id = IssueFixtures.openIssue();
        as(AGENT).body(Map.of("text", "Keep me", "visibility", "public")).post("/issues/{id}/comments", id)
                .then().statusCode(201);
        UUID issue = UUID.fromString(id);
        for (String change : List.of(
                "delete from issue_entry where issue_id = ?",
                "update issue_entry set detail = 'rewritten' where issue_id = ?",
                "update issue_entry set kind = 'issue.closed', erased_at = now() where issue_id = ?",
                "update issue_entry set summary = 'rewritten', erased_at = now() where issue_id = ?",
                "update issue_entry set detail = 'rewritten', erased_at = now() where issue_id = ?",
                "update issue_entry set at = now(), erased_at = now() where issue_id = ?")) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(change, issue), change);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
        assertEquals("Keep me", sql("select detail from issue_entry where issue_id = ? and kind = 'issue.commented'", issue));
        // The erasure itself goes through once; a second one is refused like any other change.
        execute("update issue_entry set detail = null, summary = '[erased]', erased_at = now() where issue_id = ?", issue);
        assertEquals(null, sql("select detail from issue_entry where issue_id = ? and kind = 'issue.commented'", issue));
        SQLException again = assertThrows(SQLException.class,
                () -> execute("update issue_entry set erased_at = now() where issue_id = ?", issue));
        assertTrue(again.getMessage().contains("append-only"), again.getMessage());
    }

    private void execute(String statement, UUID issueId) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, issueId);
            update.executeUpdate();
        }
    }

    private static ObjectNode erasedEvent(UUID id, UUID... mergedIds) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("customerId", id.toString());
        var merged = data.putArray("mergedIds");
        for (UUID m : mergedIds) {
            merged.add(m.toString());
        }
        data.put("erasedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return EventPublisher.event("/anchor/customer-service", "customer.erased", id.toString(), data);
    }

    /** contact-service's contact.logged about the issue (its customer read from the issue), with this summary. */
    private static ObjectNode contactLogged(String issueId, String summary) {
        return IssueFixtures.contactLogged(issueId, customerOf(issueId), c -> c.put("summary", summary));
    }

    /** notification-service's event of {@code type} about the issue, with this summary and reason. */
    private static ObjectNode notification(String type, String issueId, String summary, String reason) {
        return IssueFixtures.notificationEvent(type, issueId, customerOf(issueId), "email", summary, reason);
    }

    private static UUID customerOf(String issueId) {
        try {
            return UUID.fromString(IssueFixtures.sql("select customer_id from issue where id = ?",
                    UUID.fromString(issueId)));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code consumer} recorded {@code event} in the inbox, i.e. applied (or deliberately ignored) it. */
    private static void awaitApplied(String consumer, ObjectNode event) {
        UUID eventId = UUID.fromString(event.path("id").asText());
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> "1".equals(
                sql("select count(*) from inbox_message where consumer = ? and event_id = ?", consumer, eventId)));
    }

    /** Every row of every table whose text contains {@code marker}, as "table: row". */
    private List<String> rowsMentioning(String marker) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertTrue(tables.containsAll(List.of("issue", "issue_entry", "customer_replica", "status_token",
                "outbox_message", "inbox_message", "idempotency_record")), "every table is searched: " + tables);
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            try (Connection connection = db.getConnection();
                 PreparedStatement query = connection.prepareStatement("select t::text from \"" + table + "\" t where t::text like ?")) {
                query.setString(1, "%" + marker + "%");
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(table + ": " + rows.getString(1));
                    }
                }
            }
        }
        return found;
    }
}
