package dev.anchor.issue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.BOB;
import static dev.anchor.issue.IssueFixtures.PARTNER;
import static dev.anchor.issue.IssueFixtures.SUPERVISOR;
import static dev.anchor.issue.IssueFixtures.SYSTEM;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.issueJson;
import static dev.anchor.issue.IssueFixtures.version;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An issue is shared with a set of locations: its owner (a supervisor, the system) shares it and ends a share, a next
 * action at a store shares it with that store, and the partners of exactly those locations see it — in reads, lists,
 * counts and trails — with issue.shared / issue.unshared in the shape contact-service reads.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class SharingTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String STORE_7 = TestJwt.token("partner", "partner.store-7",
            Map.of("name", "Store 7", "location", "store-7"));
    private static final String REPAIR_3 = TestJwt.token("partner", "partner.repair-3", Map.of("location", "repair-3"));

    private EventStream stream;

    @BeforeEach
    void listen() {
        stream = EventStream.of("issue.events");
    }

    @AfterEach
    void stop() {
        stream.close();
    }

    /** An issue opened at store-12 for a new customer and owned by Alice; answers {id, customerId}. */
    private static String[] ownedIssueAtStore12() {
        UUID customer = customer();
        String id = as(AGENT).body(issueJson(customer)).post("/issues").then().statusCode(201).extract().path("id");
        as(AGENT).post("/issues/{id}/assignment", id).then().statusCode(200);
        return new String[]{id, customer.toString()};
    }

    @Test
    void theOwnerSharesAnIssueWithAStoreWhosePartnersThenSeeItUntilTheShareEnds() {
        String[] opened = ownedIssueAtStore12();
        String id = opened[0];
        String customer = opened[1];
        as(STORE_7).get("/issues/{id}", id).then().statusCode(404);
        as(STORE_7).queryParam("customerId", customer).get("/issues").then().statusCode(200).body("total", equalTo(0));

        as(AGENT).header("If-Match", "\"1\"").put("/issues/{id}/shares/{location}", id, "store-7").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("locations", equalTo(List.of("store-12", "store-7")))
                .body("locationId", equalTo("store-12"));
        as(STORE_7).get("/issues/{id}", id).then().statusCode(200).body("locations", hasItem("store-7"));
        as(STORE_7).queryParam("customerId", customer).get("/issues").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        as(STORE_7).get("/issues/{id}/timeline", id).then().statusCode(200);
        as(STORE_7).body(Map.of("text", "We have the part", "visibility", "public"))
                .post("/issues/{id}/comments", id).then().statusCode(201);
        as(PARTNER).get("/issues/{id}", id).then().statusCode(200); // the opening location still sees it

        // Sharing again changes nothing: no version, no event.
        as(AGENT).put("/issues/{id}/shares/{location}", id, "store-7").then().statusCode(200).header("ETag", "\"3\"")
                .body("locations", equalTo(List.of("store-12", "store-7")));

        as(AGENT).delete("/issues/{id}/shares/{location}", id, "store-7").then().statusCode(200)
                .header("ETag", "\"4\"").body("locations", equalTo(List.of("store-12")));
        as(STORE_7).get("/issues/{id}", id).then().statusCode(404);
        as(STORE_7).get("/issues/{id}/timeline", id).then().statusCode(404);
        as(STORE_7).queryParam("customerId", customer).get("/issues").then().statusCode(200).body("total", equalTo(0));
        as(STORE_7).body(Map.of("text", "Still here?", "visibility", "public"))
                .post("/issues/{id}/comments", id).then().statusCode(404);

        // Ending a share that does not exist changes nothing.
        as(AGENT).delete("/issues/{id}/shares/{location}", id, "store-7").then().statusCode(200).header("ETag", "\"4\"");
        as(AGENT).delete("/issues/{id}/shares/{location}", id, "store-99").then().statusCode(200).header("ETag", "\"4\"");

        List<JsonNode> events = stream.await(id, 5, WAIT);
        assertEquals(List.of("issue.opened", "issue.assigned", "issue.shared", "issue.commented", "issue.unshared"),
                EventStream.types(events).subList(0, 5));
        assertEquals(List.of("issue.opened", "issue.assigned", "issue.shared", "issue.commented", "issue.unshared"),
                EventStream.types(stream.during(id, Duration.ofSeconds(2))), "the no-ops published nothing");
        events = stream.during(id, Duration.ZERO);
        events.forEach(EventSchemas::assertValid);
        JsonNode shared = events.get(2).path("data");
        assertEquals("store-7", shared.at("/change/locationId").asText());
        assertEquals(id, shared.at("/issue/id").asText());
        assertEquals(customer, shared.at("/issue/customerId").asText());
        assertEquals(2, shared.at("/issue/version").asLong());
        assertEquals("[\"store-12\",\"store-7\"]", shared.at("/issue/locations").toString());
        assertEquals("agent", shared.at("/actor/role").asText());
        JsonNode unshared = events.get(4).path("data");
        assertEquals("store-7", unshared.at("/change/locationId").asText());
        assertEquals("[\"store-12\"]", unshared.at("/issue/locations").toString());
        assertEquals("store-12", unshared.at("/issue/locationId").asText());
    }

    @Test
    void endingTheOpeningLocationsShareHidesTheIssueFromItAndClearsLocationId() {
        String id = ownedIssueAtStore12()[0];
        as(PARTNER).get("/issues/{id}", id).then().statusCode(200);
        as(SUPERVISOR).delete("/issues/{id}/shares/{location}", id, "store-12").then().statusCode(200)
                .body("locations", equalTo(List.of())).body("locationId", nullValue());
        as(PARTNER).get("/issues/{id}", id).then().statusCode(404);
        List<JsonNode> events = stream.await(id, 3, WAIT);
        JsonNode unshared = events.get(2);
        EventSchemas.assertValid(unshared);
        assertEquals("issue.unshared", unshared.path("type").asText());
        // contact-service adds issue.locationId of every newer state: it must be gone with the share
        assertEquals(false, unshared.at("/data/issue").has("locationId"));
        assertEquals("supervisor", unshared.at("/data/actor/role").asText());
    }

    @Test
    void onlyTheOwnerASupervisorOrTheSystemDecideWhoSeesTheIssue() {
        String id = ownedIssueAtStore12()[0];
        assertProblem(as(BOB).put("/issues/{id}/shares/{location}", id, "store-7").then(), 403);
        assertProblem(as(BOB).delete("/issues/{id}/shares/{location}", id, "store-12").then(), 403);
        assertProblem(as(PARTNER).put("/issues/{id}/shares/{location}", id, "store-7").then(), 403);
        assertProblem(as(PARTNER).delete("/issues/{id}/shares/{location}", id, "store-12").then(), 403);
        assertProblem(given().put("/issues/{id}/shares/{location}", id, "store-7").then(), 401);
        assertProblem(given().auth().oauth2(TestJwt.expired("agent", "agent.alice"))
                .delete("/issues/{id}/shares/{location}", id, "store-12").then(), 401);
        assertEquals(1, version(id), "no refusal changed anything");
        as(STORE_7).get("/issues/{id}", id).then().statusCode(404);

        as(SUPERVISOR).put("/issues/{id}/shares/{location}", id, "store-7").then().statusCode(200);
        as(SYSTEM).put("/issues/{id}/shares/{location}", id, "repair-3").then().statusCode(200)
                .body("locations", equalTo(List.of("repair-3", "store-12", "store-7")));
        as(SYSTEM).delete("/issues/{id}/shares/{location}", id, "store-7").then().statusCode(200)
                .body("locations", equalTo(List.of("repair-3", "store-12")));
        assertEquals(4, version(id));
        assertProblem(as(AGENT).put("/issues/{id}/shares/{location}", UUID.randomUUID(), "store-7").then(), 404);
    }

    @Test
    void aLocationIdIsCheckedAsAtOpeningAndAStaleIfMatchChangesNothing() {
        String id = ownedIssueAtStore12()[0];
        assertProblem(as(AGENT).put("/issues/{id}/shares/{location}", id, "store 7!").then(), 400)
                .body("errors[0].field", equalTo("locationId"));
        assertProblem(as(AGENT).delete("/issues/{id}/shares/{location}", id, "store<7>").then(), 400)
                .body("errors[0].field", equalTo("locationId"));
        assertProblem(as(AGENT).put("/issues/{id}/shares/{location}", id, "s".repeat(101)).then(), 400)
                .body("errors[0].field", equalTo("locationId"));
        as(AGENT).put("/issues/{id}/shares/{location}", id, "s".repeat(100)).then().statusCode(200);
        int missing = as(AGENT).put("/issues/{id}/shares/", id).then().extract().statusCode();
        assertEquals(true, missing == 404 || missing == 405, "no location named: " + missing);
        assertProblem(as(AGENT).header("If-Match", "\"1\"").put("/issues/{id}/shares/{location}", id, "store-7").then(), 412);
        assertProblem(as(AGENT).header("If-Match", "\"1\"").delete("/issues/{id}/shares/{location}", id, "store-12").then(), 412);
        as(AGENT).get("/issues/{id}", id).then().body("locations", equalTo(List.of("s".repeat(100), "store-12")))
                .body("version", equalTo(2));
        String body = as(AGENT).put("/issues/{id}/shares/{location}", id, "store 7!").then().extract().asString();
        assertEquals(false, body.contains("java") || body.contains("Exception"), body);
    }

    @Test
    void aNextActionAtARepairCentreSharesTheIssueWithIt() {
        String id = ownedIssueAtStore12()[0];
        String due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).withNano(0).toString();
        as(REPAIR_3).get("/issues/{id}", id).then().statusCode(404);
        assertProblem(as(AGENT).body(Map.of("what", "Repair", "who", "partner", "dueAt", due, "locationId", "repair 3"))
                .put("/issues/{id}/next-action", id).then(), 400).body("errors[0].field", equalTo("locationId"));
        assertProblem(as(AGENT).body(Map.of("what", "Repair", "who", "partner", "dueAt", due, "locationId", "r".repeat(101)))
                .put("/issues/{id}/next-action", id).then(), 400).body("errors[0].field", equalTo("locationId"));
        assertEquals(1, version(id), "a refused next action changes nothing");

        var next = Map.of("what", "Repair the pump", "who", "partner", "dueAt", due, "locationId", "repair-3");
        as(AGENT).body(next).put("/issues/{id}/next-action", id).then().statusCode(200)
                .body("nextAction.locationId", equalTo("repair-3"))
                .body("locations", equalTo(List.of("repair-3", "store-12")))
                .header("ETag", "\"3\"");
        as(REPAIR_3).get("/issues/{id}", id).then().statusCode(200).body("nextAction.what", equalTo("Repair the pump"));
        // The same next action again: nothing at all.
        as(AGENT).body(next).put("/issues/{id}/next-action", id).then().statusCode(200).header("ETag", "\"3\"");
        // A next action at a location it is already shared with shares nothing new.
        as(AGENT).body(Map.of("what", "Collect it", "who", "customer", "dueAt", due, "locationId", "store-12"))
                .put("/issues/{id}/next-action", id).then().statusCode(200).header("ETag", "\"4\"")
                .body("locations", equalTo(List.of("repair-3", "store-12")));

        List<JsonNode> events = stream.await(id, 5, WAIT);
        assertEquals(List.of("issue.opened", "issue.assigned", "issue.next-action-set", "issue.shared",
                "issue.next-action-set"), EventStream.types(stream.during(id, Duration.ofSeconds(2))));
        events.forEach(EventSchemas::assertValid);
        assertEquals("repair-3", events.get(2).at("/data/change/locationId").asText());
        assertEquals("repair-3", events.get(2).at("/data/issue/nextAction/locationId").asText());
        assertEquals("repair-3", events.get(3).at("/data/change/locationId").asText());
        assertEquals("[\"repair-3\",\"store-12\"]", events.get(3).at("/data/issue/locations").toString());
        as(SUPERVISOR).get("/issues/{id}/timeline", id).then()
                .body("items.kind", hasItem("issue.shared"))
                .body("items.findAll { it.kind == 'issue.shared' }.visibility", equalTo(List.of("internal")));
        as(REPAIR_3).get("/issues/{id}/timeline", id).then().body("items.kind", not(hasItem("issue.shared")));
    }
}
