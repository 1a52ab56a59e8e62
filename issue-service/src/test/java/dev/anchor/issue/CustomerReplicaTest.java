package dev.anchor.issue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.MAPPER;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.awaitReplica;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.customerState;
import static dev.anchor.issue.IssueFixtures.open;
import static dev.anchor.issue.IssueFixtures.publish;
import static dev.anchor.issue.IssueFixtures.publishCustomer;
import static dev.anchor.issue.IssueFixtures.sql;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The customer replica from customer.events: who may get an issue, merges, erasure, redelivery and late events. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class CustomerReplicaTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void anIssueForAnUnknownCustomerIsRefused() {
        assertProblem(open(UUID.randomUUID()).then(), 422).body("detail", containsString("not known"));
    }

    @Test
    void anIssueForAnErasedCustomerIsRefusedAndTheReplicaForgetsTheirDetails() throws Exception {
        UUID id = customer("Grace Hopper", "en", "America/New_York");
        ObjectNode data = MAPPER.createObjectNode();
        data.put("customerId", id.toString());
        data.putArray("mergedIds");
        data.put("erasedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        publish("customer.erased", id.toString(), data);
        Awaitility.await().atMost(WAIT).until(() -> "erased".equals(sql("select status from customer_replica where id = ?", id)));
        assertEquals(null, sql("select display_name from customer_replica where id = ?", id));
        assertProblem(open(id).then(), 422).body("detail", containsString("erased"));
        // A late update never brings an erased customer back.
        publishCustomer("customer.updated", customerState(id, "Grace Back", "en", "UTC", 9, "active"));
        UUID marker = customer();
        assertEquals("erased", sql("select status from customer_replica where id = ?", id));
        open(marker).then().statusCode(201);
    }

    @Test
    void aMergeMovesTheRetiredCustomersIssuesToTheSurvivor() throws Exception {
        UUID survivor = customer("Ada Lovelace", "en", "Europe/London");
        UUID retired = customer("Ada L.", "en", "Europe/London");
        String issueId = open(retired).then().statusCode(201).extract().path("id");
        try (EventStream stream = EventStream.of("issue.events")) {
            ObjectNode data = MAPPER.createObjectNode();
            data.put("survivorId", survivor.toString());
            data.put("retiredId", retired.toString());
            data.set("customer", customerState(survivor, "Ada Lovelace", "en", "Europe/London", 1, "active"));
            publish("customer.merged", survivor.toString(), data);

            List<JsonNode> events = stream.await(issueId, 1, WAIT);
            assertEquals("issue.customer-changed", events.get(0).path("type").asText());
            EventSchemas.assertValid(events.get(0));
            assertEquals(retired.toString(), events.get(0).at("/data/change/from").asText());
        }
        as(AGENT).get("/issues/{id}", issueId).then().body("customerId", equalTo(survivor.toString()));
        assertEquals("merged", sql("select status from customer_replica where id = ?", retired));
        // A new issue for the retired record goes to the survivor.
        open(retired).then().statusCode(201).body("customerId", equalTo(survivor.toString()));
    }

    @Test
    void aRedeliveredEventChangesNothingAndALateOlderStateIsIgnored() throws Exception {
        UUID id = UUID.randomUUID();
        ObjectNode registered = EventPublisher.event("/anchor/customer-service", "customer.registered", id.toString(),
                changed(customerState(id, "Katherine Johnson", "en", "UTC", 0, "active")));
        ObjectNode updated = EventPublisher.event("/anchor/customer-service", "customer.updated", id.toString(),
                changed(customerState(id, "Katherine G. Johnson", "fr", "Europe/Paris", 2, "active")));
        ObjectNode older = EventPublisher.event("/anchor/customer-service", "customer.updated", id.toString(),
                changed(customerState(id, "Kathy", "de", "Europe/Berlin", 1, "active")));
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send("customer.events", updated);
            publisher.send("customer.events", registered);
            publisher.send("customer.events", older);
            publisher.send("customer.events", updated);
            publisher.sendRaw("customer.events", id.toString(), "not json at all");
            publisher.send("customer.events", EventPublisher.event("/anchor/customer-service", "customer.unheard-of",
                    id.toString(), MAPPER.createObjectNode()));
        }
        UUID marker = customer();
        awaitReplica(marker, 0);
        assertEquals("Katherine G. Johnson", sql("select display_name from customer_replica where id = ?", id));
        assertEquals("fr", sql("select language from customer_replica where id = ?", id));
        assertEquals("Europe/Paris", sql("select time_zone from customer_replica where id = ?", id));
        assertEquals("2", sql("select version from customer_replica where id = ?", id));
        assertEquals("1", sql("select count(*) from inbox_message where event_id = ?", UUID.fromString(updated.path("id").asText())));
    }

    private static ObjectNode changed(ObjectNode customer) {
        ObjectNode data = MAPPER.createObjectNode();
        data.set("customer", customer);
        data.putArray("changed");
        return data;
    }
}
