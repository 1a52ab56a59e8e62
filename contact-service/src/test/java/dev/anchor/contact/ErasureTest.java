package dev.anchor.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.TestJwt;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.contact.ContactFixtures.AGENT;
import static dev.anchor.contact.ContactFixtures.as;
import static dev.anchor.contact.Upstream.WAIT;
import static dev.anchor.contact.Upstream.awaitApplied;
import static dev.anchor.contact.Upstream.change;
import static dev.anchor.contact.Upstream.count;
import static dev.anchor.contact.Upstream.customerChanged;
import static dev.anchor.contact.Upstream.customerErased;
import static dev.anchor.contact.Upstream.customerMerged;
import static dev.anchor.contact.Upstream.customerState;
import static dev.anchor.contact.Upstream.issueEvent;
import static dev.anchor.contact.Upstream.issueState;
import static dev.anchor.contact.Upstream.notificationEvent;
import static dev.anchor.contact.Upstream.tables;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * customer.erased leaves no personal data of the customer (or of records merged into it) anywhere in contact-service's
 * database — proved by searching every row of every table — while anonymised contacts keep the non-personal facts.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ErasureTest {

    @Inject
    AgroalDataSource db;

    private Upstream.Publisher publisher;

    @BeforeEach
    void connect() {
        publisher = new Upstream.Publisher();
    }

    @AfterEach
    void disconnect() {
        publisher.close();
    }

    @Test
    void erasureLeavesNoPersonalDataBehind() throws Exception {
        String marker = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String customer = UUID.randomUUID().toString();
        String duplicate = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        publisher.send("customer.events", customerChanged("customer.registered",
                customerState(customer, 0, marker + "Given", marker + "Family", marker + "City", "email")));
        publisher.send("customer.events", customerChanged("customer.registered",
                customerState(duplicate, 0, marker + "Dup", marker + "Licate", marker + "Town", "sms")));
        String contact = as(AGENT).header("Idempotency-Key", "erase-" + marker).body("""
                {"customerId": "%s", "channel": "phone", "direction": "inbound", "agentId": "agent.alice",
                 "occurredAt": "%s", "durationSeconds": 300, "summary": "%s summary of the call",
                 "internalNotes": "%s private remark", "outcome": "follow_up"}"""
                .formatted(customer, now.minusHours(1), marker, marker)).post("/contacts").then().statusCode(201)
                .extract().path("id");
        as(AGENT).body(Map.of("reason", marker + " reason", "changes", Map.of("summary", marker + " corrected summary")))
                .post("/contacts/{id}/amendments", contact).then().statusCode(200);
        String dupContact = as(AGENT).body("""
                {"customerId": "%s", "channel": "email", "direction": "outbound", "agentId": "agent.bob",
                 "occurredAt": "%s", "summary": "%s wrote to the duplicate", "outcome": "information_given"}"""
                .formatted(duplicate, now.minusMinutes(50), marker)).post("/contacts").then().statusCode(201).extract().path("id");
        String issue = UUID.randomUUID().toString();
        publisher.send("issue.events", issueEvent("issue.opened", Upstream.sharedWith(issueState(issue, customer, "K7-ERAS",
                marker + " title", "open", 0, marker + " next step", "agent", now.plusDays(1)), ContactFixtures.STORE),
                Upstream.openedChange(), "phone", now.minusMinutes(40)));
        ObjectNode comment = issueEvent("issue.commented", issueState(issue, duplicate, "K7-ERAS", marker + " title",
                "open", 1, marker + " next step", "agent", now.plusDays(1)),
                Upstream.comment("internal", marker + " comment"), "phone", now.minusMinutes(30));
        publisher.send("issue.events", comment);
        ObjectNode mail = notificationEvent("notification.sent", UUID.randomUUID().toString(), customer, issue, "email",
                "sent", marker + " mail summary", now.minusMinutes(20));
        publisher.send("notification.events", mail);
        ObjectNode merged = customerMerged(customerState(customer, 1, marker + "Given", marker + "Family", marker + "City",
                "email"), duplicate);
        publisher.send("customer.events", merged);
        awaitApplied(db, comment);
        awaitApplied(db, mail);
        awaitApplied(db, merged);
        assertTrue(rowsMentioning(marker).size() >= 6, "the test data is there before erasure: " + rowsMentioning(marker));
        assertEquals(1, count(db, "select count(*) from issue_replica_location where issue_id = ?::uuid", issue));

        ObjectNode erased = customerErased(customer, duplicate);
        EventSchemas.assertValid(erased);
        publisher.send("customer.events", erased);
        awaitApplied(db, erased);

        // late events about the erased customer keep nothing either
        ObjectNode lateUpdate = customerChanged("customer.updated",
                customerState(customer, 9, marker + "Late", marker + "Name", marker + "Ville", "sms"), "name");
        ObjectNode lateComment = issueEvent("issue.commented", issueState(issue, customer, "K7-ERAS", marker + " title", "open",
                2, null, null, null), Upstream.comment("public", marker + " late comment"), "email", now);
        ObjectNode lateMail = notificationEvent("notification.delivered", UUID.randomUUID().toString(), duplicate, issue,
                "email", "delivered", marker + " late mail", now);
        publisher.send("customer.events", lateUpdate);
        publisher.send("issue.events", lateComment);
        publisher.send("notification.events", lateMail);
        awaitApplied(db, lateUpdate);
        awaitApplied(db, lateComment);
        awaitApplied(db, lateMail);

        // the outbox still held the contact events until the relay sent them; wait for it, then search everything
        Awaitility.await().atMost(WAIT).until(() -> count(db, "select count(*) from outbox_message") == 0);
        assertEquals(List.of(), rowsMentioning(marker), "no personal data remains anywhere");

        // the non-personal facts remain, anonymised
        as(AGENT).get("/contacts/{id}", contact).then().statusCode(200).header("ETag", "\"2\"").body("erased", equalTo(true))
                .body("summary", nullValue()).body("internalNotes", nullValue())
                .body("channel", equalTo("phone")).body("durationSeconds", equalTo(300)).body("customerId", equalTo(customer));
        as(AGENT).get("/contacts/{id}", dupContact).then().statusCode(200).body("customerId", equalTo(customer));
        as(AGENT).get("/contacts/{id}/amendments", contact).then().body("[0].fields[0]", equalTo("summary"))
                .body("[0].reason", nullValue()).body("[0].changes", nullValue());
        assertEquals(2, count(db, "select count(*) from contact where customer_id = ?::uuid and erased", customer));
        assertEquals(0, count(db, "select count(*) from issue_replica_location where issue_id = ?::uuid", issue),
                "the erased customer's issues are shared with nobody any more");
        assertEquals(0, count(db, "select count(*) from idempotency_record where subject = ?::uuid", contact));
        assertProblem(as(AGENT).get("/customers/{id}/summary", customer).then(), 410);
        assertProblem(as(AGENT).get("/customers/{id}/timeline", duplicate).then(), 410);
        assertProblem(as(AGENT).body("{\"reason\": \"r\", \"changes\": {\"outcome\": \"resolved\"}}")
                .post("/contacts/{id}/amendments", contact).then(), 410);
        assertProblem(as(AGENT).body(ContactFixtures.callJson(customer)).post("/contacts").then(), 410);
        assertProblem(as(AGENT).body(ContactFixtures.callJson(duplicate)).post("/contacts").then(), 410);
        assertEquals(List.of(), rowsMentioning(marker));
    }

    /** Every row of every table whose text contains {@code marker}, as "table: row". */
    private List<String> rowsMentioning(String marker) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String table : tables(db)) {
            try (var connection = db.getConnection();
                 var query = connection.prepareStatement("select t::text from \"" + table + "\" t where t::text like ?")) {
                query.setString(1, "%" + marker + "%");
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(table + ": " + rows.getString(1));
                    }
                }
            }
        }
        return found;
    }
}
