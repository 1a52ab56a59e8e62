package dev.anchor.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.testing.PersonalTextSearch;
import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.contact.domain.CustomerReplication;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.contact.ContactFixtures.AGENT;
import static dev.anchor.contact.ContactFixtures.PARTNER;
import static dev.anchor.contact.ContactFixtures.STORE;
import static dev.anchor.contact.ContactFixtures.as;
import static dev.anchor.contact.Upstream.WAIT;
import static dev.anchor.contact.Upstream.awaitApplied;
import static dev.anchor.contact.Upstream.change;
import static dev.anchor.contact.Upstream.comment;
import static dev.anchor.contact.Upstream.count;
import static dev.anchor.contact.Upstream.customerChanged;
import static dev.anchor.contact.Upstream.customerErased;
import static dev.anchor.contact.Upstream.customerMerged;
import static dev.anchor.contact.Upstream.customerState;
import static dev.anchor.contact.Upstream.exportRequested;
import static dev.anchor.contact.Upstream.issueEvent;
import static dev.anchor.contact.Upstream.issueState;
import static dev.anchor.contact.Upstream.notificationEvent;
import static dev.anchor.contact.Upstream.sharedWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A unique marker written into every piece of personal text contact-service can hold for a customer is found in no
 * column of its schema once the customer is erased ({@link PersonalTextSearch}) — the outbox and the inbox included —
 * and events or requests arriving after the erasure, or while it runs, write none back.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class PersonalTextErasureTest {

    private static final String NAMED_AGENT = TestJwt.token("agent", "agent.alice", Map.of("name", "Alice Archer"));

    @Inject
    AgroalDataSource db;
    @Inject
    CustomerReplication replication;
    @Inject
    ObjectMapper mapper;

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
    void noColumnHoldsTheCustomersTextAfterErasure() throws Exception {
        String marker = marker();
        String customer = UUID.randomUUID().toString();
        String duplicate = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ObjectNode registered = customerChanged("customer.registered", personal(customer, 0, marker));
        publisher.send("customer.events", registered);
        publisher.send("customer.events", customerChanged("customer.registered", personal(duplicate, 0, marker + "dup")));
        awaitApplied(db, registered);

        // contacts: summary (with the address the customer used), notes, a correction, a stored idempotent answer
        String contact = as(NAMED_AGENT).header("Idempotency-Key", "key-" + marker).body("""
                {"customerId": "%s", "channel": "email", "direction": "inbound", "agentId": "agent.alice",
                 "occurredAt": "%s", "summary": "Wrote from %s@example.com about the router",
                 "internalNotes": "%s private remark", "outcome": "follow_up", "summaryRequested": true}"""
                .formatted(customer, now.minusHours(2), marker, marker)).post("/contacts").then().statusCode(201)
                .extract().path("id");
        as(AGENT).body(Map.of("reason", marker + " reason", "changes",
                        Map.of("summary", marker + " corrected summary", "internalNotes", marker + " new remark")))
                .post("/contacts/{id}/amendments", contact).then().statusCode(200);
        as(PARTNER).header("Idempotency-Key", "store-" + marker).body("""
                {"customerId": "%s", "channel": "store", "direction": "inbound", "occurredAt": "%s",
                 "summary": "%s came to the store", "outcome": "resolved"}""".formatted(duplicate, now.minusHours(1), marker))
                .post("/contacts").then().statusCode(201);

        // the issue history: every text an issue event carries, on the replica and the timeline
        String issue = UUID.randomUUID().toString();
        List<ObjectNode> issueEvents = List.of(
                issueEvent("issue.opened", sharedWith(issueState(issue, customer, "K7-MRKR", marker + " title", "open", 0,
                        marker + " first step", "customer", now.plusDays(1)), STORE), Upstream.openedChange(), "phone",
                        now.minusMinutes(50)),
                issueEvent("issue.assigned", issueState(issue, customer, "K7-MRKR", marker + " title", "open", 1,
                        marker + " first step", "customer", now.plusDays(1)),
                        owner().put("introduction", marker + " introduction"), "phone", now.minusMinutes(45)),
                issueEvent("issue.next-action-set", issueState(issue, customer, "K7-MRKR", marker + " title", "open", 2,
                        marker + " next step", "customer", now.plusDays(2)),
                        Upstream.nextActionChange(marker + " next step", "customer", now.plusDays(2)), "phone",
                        now.minusMinutes(40)),
                issueEvent("issue.commented", issueState(issue, duplicate, "K7-MRKR", marker + " title", "open", 3,
                        marker + " next step", "customer", now.plusDays(2)), comment("public", marker + " comment"),
                        "email", now.minusMinutes(35)),
                issueEvent("issue.commented", issueState(issue, customer, "K7-MRKR", marker + " title", "open", 4,
                        marker + " next step", "customer", now.plusDays(2)), comment("internal", marker + " internal"),
                        "phone", now.minusMinutes(34)),
                issueEvent("issue.action-taken", issueState(issue, customer, "K7-MRKR", marker + " title", "open", 5,
                        marker + " next step", "customer", now.plusDays(2)), change().put("actionId", UUID.randomUUID().toString()).put("kind", "repair").put("place", marker + " street")
                        .put("note", marker + " note"), "store", now.minusMinutes(30)),
                issueEvent("issue.reopened", issueState(issue, customer, "K7-MRKR", marker + " title", "open", 6,
                        marker + " next step", "customer", now.plusDays(2)), change().put("reason", marker + " reason").put("by", "customer"), "web",
                        now.minusMinutes(25)));
        issueEvents.forEach(e -> publisher.send("issue.events", e));

        // notifications: a message about the issue and a digest about none
        ObjectNode mail = notificationEvent("notification.sent", UUID.randomUUID().toString(), customer, issue, "email",
                "sent", marker + " mail summary", now.minusMinutes(20));
        ObjectNode digest = notificationEvent("notification.failed", UUID.randomUUID().toString(), duplicate, null, "sms",
                "failed", marker + " digest summary", now.minusMinutes(15));
        ((ObjectNode) digest.path("data").path("notification")).put("template", "digest")
                .put("subject", marker + " updates").put("reason", "number " + marker + " unreachable");
        publisher.send("notification.events", mail);
        publisher.send("notification.events", digest);

        ObjectNode merged = customerMerged(personal(customer, 1, marker), duplicate);
        publisher.send("customer.events", merged);
        // an export part waiting in the outbox holds the customer's text too
        ObjectNode export = exportRequested(customer, UUID.randomUUID().toString());
        publisher.send("customer.events", export);
        awaitApplied(db, issueEvents.getLast());
        awaitApplied(db, digest);
        awaitApplied(db, export);
        List<String> before = PersonalTextSearch.columnsHolding(db, marker);
        for (String column : List.of("contact.summary", "contact.internal_notes", "contact_amendment.reason",
                "contact_amendment.changes", "customer_replica.display_name", "customer_replica.mailing_address",
                "issue_replica.title", "issue_replica.next_action_what", "timeline_entry.text", "timeline_entry.detail",
                "idempotency_record.request_key", "idempotency_record.body")) {
            assertTrue(before.stream().anyMatch(found -> found.startsWith(column + " ")),
                    "the test writes the marker into " + column + ": " + before);
        }

        ObjectNode erased = customerErased(customer, duplicate);
        publisher.send("customer.events", erased);
        awaitApplied(db, erased);

        // the relay deletes what it sent: then nothing anywhere holds the marker
        Awaitility.await().atMost(WAIT).until(() -> count(db, "select count(*) from outbox_message") == 0);
        assertEquals(List.of(), PersonalTextSearch.columnsHolding(db, marker));
        as(AGENT).get("/contacts/{id}", contact).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void eventsAndRequestsAfterTheErasureWriteNothingPersonal() throws Exception {
        String marker = marker();
        String customer = UUID.randomUUID().toString();
        String duplicate = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        publisher.send("customer.events", customerChanged("customer.registered", personal(customer, 0, "Ada")));
        ObjectNode erased = customerErased(customer, duplicate);
        publisher.send("customer.events", erased);
        awaitApplied(db, erased);

        String issue = UUID.randomUUID().toString();
        ObjectNode lateUpdate = customerChanged("customer.updated", personal(customer, 7, marker), "name");
        ObjectNode lateMerge = customerMerged(personal(customer, 8, marker), UUID.randomUUID().toString());
        List<ObjectNode> lateIssueEvents = List.of(
                issueEvent("issue.opened", sharedWith(issueState(issue, customer, "K7-PAST", marker + " title", "open", 0,
                        marker + " step", "customer", now.plusDays(1)), STORE), Upstream.openedChange(), "phone", now),
                issueEvent("issue.next-action-set", issueState(issue, duplicate, "K7-PAST", marker + " title", "open", 1,
                        marker + " step", "customer", now.plusDays(1)),
                        Upstream.nextActionChange(marker + " step", "customer", now.plusDays(1)), "phone", now),
                issueEvent("issue.commented", issueState(issue, customer, "K7-PAST", marker + " title", "open", 2,
                        null, null, null), comment("public", marker + " late comment"), "email", now),
                issueEvent("issue.shared", issueState(issue, customer, "K7-PAST", marker + " title", "open", 3,
                        null, null, null), change().put("locationId", "store-" + marker), "phone", now));
        ObjectNode lateMail = notificationEvent("notification.delivered", UUID.randomUUID().toString(), duplicate, issue,
                "email", "delivered", marker + " late mail", now);
        publisher.send("customer.events", lateUpdate);
        publisher.send("customer.events", lateMerge);
        lateIssueEvents.forEach(e -> publisher.send("issue.events", e));
        publisher.send("notification.events", lateMail);
        assertProblem(as(AGENT).header("Idempotency-Key", "late-" + marker).body("""
                {"customerId": "%s", "channel": "phone", "direction": "inbound", "agentId": "agent.alice",
                 "occurredAt": "%s", "summary": "%s called", "outcome": "other"}""".formatted(duplicate, now, marker))
                .post("/contacts").then(), 410);
        awaitApplied(db, lateMerge);
        awaitApplied(db, lateIssueEvents.getLast());
        awaitApplied(db, lateMail);

        assertEquals(List.of(), PersonalTextSearch.columnsHolding(db, marker));
        assertEquals(0, count(db, "select count(*) from timeline_entry where customer_id in (?::uuid, ?::uuid)",
                customer, duplicate));
    }

    @Test
    void anEventThatArrivesWhileTheErasureRunsWaitsForItAndWritesNothing() throws Exception {
        String marker = marker();
        String customer = UUID.randomUUID().toString();
        ObjectNode registered = customerChanged("customer.registered", personal(customer, 0, "Ada"));
        publisher.send("customer.events", registered);
        awaitApplied(db, registered);
        String issue = UUID.randomUUID().toString();
        ObjectNode comment = issueEvent("issue.commented", issueState(issue, customer, "K7-RACE", marker + " title",
                "open", 1, null, null, null), comment("public", marker + " comment"), "email",
                OffsetDateTime.now(ZoneOffset.UTC));
        CloudEvent erasure = mapper.readValue(customerErased(customer).toString(), CloudEvent.class);

        // the erasure has taken its lock and not committed yet when the comment arrives
        QuarkusTransaction.requiringNew().run(() -> {
            replication.apply(erasure);
            publisher.send("issue.events", comment);
            // it waits for the erasure's lock (without one it would be applied, text and all, before the erasure ends)
            Awaitility.await().atMost(WAIT).until(() ->
                    count(db, "select count(*) from pg_locks where locktype = 'advisory' and not granted") > 0
                            || count(db, "select count(*) from inbox_message where event_id = ?::uuid",
                            comment.path("id").asText()) > 0);
        });
        awaitApplied(db, comment);

        assertEquals(List.of(), PersonalTextSearch.columnsHolding(db, marker));
        assertEquals(0, count(db, "select count(*) from timeline_entry where id = ?::uuid", comment.path("id").asText()));
    }

    /** The change of an issue.assigned event: the issue's first owner. */
    private static ObjectNode owner() {
        ObjectNode change = change();
        change.putObject("owner").put("id", "agent.alice").put("displayName", "Alice");
        return change;
    }

    /** A customer whose names, mailing address, email and phone label all hold {@code marker}. */
    private static ObjectNode personal(String id, long version, String marker) {
        ObjectNode customer = customerState(id, version, marker + "given", marker + "family", marker + "city", "email");
        ((ObjectNode) customer.path("phones").path(0)).put("label", marker + "mobile");
        return customer;
    }

    /** Lower case, so it survives the lower-casing of an email address. */
    private static String marker() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
