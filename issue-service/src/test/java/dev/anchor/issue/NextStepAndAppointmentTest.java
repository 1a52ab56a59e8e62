package dev.anchor.issue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.BOB;
import static dev.anchor.issue.IssueFixtures.PARTNER;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.moveTo;
import static dev.anchor.issue.IssueFixtures.ownedIssue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event contract of issue 15: places from the directory on next steps and bookings, the appointment, when a
 * resolved issue closes and until when a closed one reopens, who reopened it, and the end of a next step — every
 * event valid against its schema.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class NextStepAndAppointmentTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeEach
    void noRedirects() {
        RestAssured.config = RestAssured.config().redirect(RestAssured.config().getRedirectConfig().followRedirects(false));
    }

    static String inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).withNano(0).toString();
    }

    @Test
    void aNextStepAtAKnownPlaceCarriesTheDirectorysEntry() {
        String location = LocationDirectoryTest.addLocation();
        String id = ownedIssue();
        try (EventStream stream = EventStream.of("issue.events")) {
            as(AGENT).body(Map.of("what", "Bring the machine in", "who", "customer", "dueAt", inDays(3), "locationId", location))
                    .put("/issues/{id}/next-action", id).then().statusCode(200)
                    .body("nextAction.place.name", equalTo("Anchor Repair Centre Holborn"));
            List<JsonNode> events = stream.await(id, 2, WAIT);
            events.forEach(EventSchemas::assertValid);
            JsonNode set = events.stream().filter(e -> e.path("type").asText().equals("issue.next-action-set")).findFirst().orElseThrow();
            assertEquals("London", set.at("/data/issue/nextAction/place/address/city").asText());
            assertEquals(location, set.at("/data/issue/nextAction/place/locationId").asText());
            assertEquals("monday", set.at("/data/issue/nextAction/place/openingHours/0/days/0").asText());
        }
        // An id the directory does not know is still a place to share with, without a snapshot.
        as(AGENT).body(Map.of("what", "Call the store", "who", "agent", "dueAt", inDays(2), "locationId", "store-77"))
                .put("/issues/{id}/next-action", id).then().statusCode(200)
                .body("nextAction.locationId", equalTo("store-77")).body("nextAction.place", nullValue());
    }

    @Test
    void aBookingAtAPlaceIsTheAppointmentUntilTheRepairIsDone() {
        String location = LocationDirectoryTest.addLocation();
        String id = ownedIssue();
        String when = inDays(5);
        try (EventStream stream = EventStream.of("issue.events")) {
            as(AGENT).body(Map.of("what", "Repair the pump", "who", "partner", "dueAt", inDays(6)))
                    .put("/issues/{id}/next-action", id).then().statusCode(200);
            assertProblem(as(AGENT).body(Map.of("kind", "repair", "scheduledAt", when, "locationId", "nowhere-1"))
                    .post("/issues/{id}/actions", id).then(), 422);
            assertProblem(as(AGENT).body(Map.of("kind", "visit", "scheduledAt", when))
                    .post("/issues/{id}/actions", id).then(), 400).body("errors.field", org.hamcrest.Matchers.hasItem("locationId"));
            as(AGENT).body(Map.of("kind", "visit", "scheduledAt", inDays(4), "locationId", location))
                    .post("/issues/{id}/actions", id).then().statusCode(201);
            as(AGENT).body(Map.of("kind", "repair", "scheduledAt", when, "locationId", location, "note", "the receipt"))
                    .post("/issues/{id}/actions", id).then().statusCode(201);
            as(AGENT).get("/issues/{id}", id).then().statusCode(200)
                    .body("appointment.kind", equalTo("repair"))
                    .body("appointment.place.locationId", equalTo(location))
                    .body("appointment.bring", equalTo("the receipt"));
            as(PARTNER).body(Map.of("kind", "repair_done", "note", "New pump fitted")).post("/issues/{id}/actions", id)
                    .then().statusCode(201);
            as(AGENT).get("/issues/{id}", id).then().body("appointment", nullValue()).body("nextAction", nullValue());

            List<JsonNode> events = stream.await(id, 6, WAIT);
            events.forEach(EventSchemas::assertValid);
            assertEquals(List.of("issue.next-action-set", "issue.action-taken", "issue.shared", "issue.action-taken",
                    "issue.action-taken", "issue.next-action-completed"), EventStream.types(events));
            JsonNode visit = events.get(1);
            assertEquals("visit", visit.at("/data/issue/appointment/kind").asText());
            assertEquals("Anchor Repair Centre Holborn", visit.at("/data/change/location/name").asText());
            JsonNode repair = events.get(3);
            assertEquals("repair", repair.at("/data/issue/appointment/kind").asText());
            assertEquals(repair.at("/data/change/actionId").asText(), repair.at("/data/issue/appointment/actionId").asText());
            assertEquals("the receipt", repair.at("/data/issue/appointment/bring").asText());
            assertTrue(repair.at("/data/change/location/timeZone").asText().equals("Europe/London"));
            assertTrue(events.get(4).at("/data/issue/appointment").isMissingNode(), "repair_done ends the appointment");
            JsonNode done = events.get(5);
            assertEquals("done", done.at("/data/change/reason").asText());
            assertEquals("partner", done.at("/data/change/completedBy").asText());
            assertEquals("Repair the pump", done.at("/data/change/what").asText());
            assertTrue(done.at("/data/issue/nextAction").isMissingNode());
        }
    }

    @Test
    void resolvingEndsTheStepAndSaysWhenTheIssueClosesAndClosingUntilWhenItReopens() {
        String id = ownedIssue();
        String location = LocationDirectoryTest.addLocation();
        try (EventStream stream = EventStream.of("issue.events")) {
            as(AGENT).body(Map.of("what", "Check the seal", "who", "agent", "dueAt", inDays(2)))
                    .put("/issues/{id}/next-action", id).then().statusCode(200);
            as(AGENT).body(Map.of("kind", "visit", "scheduledAt", inDays(3), "locationId", location))
                    .post("/issues/{id}/actions", id).then().statusCode(201);
            OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);
            moveTo(AGENT, id, "resolved").then().statusCode(200).body("closesAt", notNullValue())
                    .body("nextAction", nullValue()).body("appointment", nullValue());
            as(AGENT).post("/issues/{id}/close", id).then().statusCode(200).body("reopenableUntil", notNullValue())
                    .body("closesAt", nullValue());
            as(AGENT).body(Map.of("reason", "Still dripping")).post("/issues/{id}/reopen", id).then().statusCode(200)
                    .body("reopenableUntil", nullValue());

            List<JsonNode> events = stream.await(id, 7, WAIT);
            events.forEach(EventSchemas::assertValid);
            List<String> types = EventStream.types(events);
            assertEquals(List.of("issue.next-action-set", "issue.action-taken", "issue.shared",
                    "issue.next-action-completed", "issue.status-changed", "issue.closed", "issue.reopened"),
                    types.subList(0, 7));
            JsonNode completed = events.get(3);
            assertEquals("issue-resolved", completed.at("/data/change/reason").asText());
            assertEquals("agent", completed.at("/data/change/completedBy").asText());
            JsonNode resolved = events.get(4);
            assertTrue(resolved.at("/data/issue/nextAction").isMissingNode());
            assertTrue(resolved.at("/data/issue/appointment").isMissingNode());
            OffsetDateTime closesAt = OffsetDateTime.parse(resolved.at("/data/issue/closesAt").asText());
            assertTrue(!closesAt.isBefore(before.plusDays(7).minusMinutes(1)) && closesAt.isBefore(before.plusDays(7).plusMinutes(5)),
                    "closes seven days after resolving: " + closesAt);
            JsonNode closed = events.get(5);
            assertTrue(closed.at("/data/issue/closesAt").isMissingNode());
            OffsetDateTime until = OffsetDateTime.parse(closed.at("/data/issue/reopenableUntil").asText());
            assertTrue(until.isAfter(before.plusDays(13)), "closedAt + the 14-day reopen window: " + until);
            assertTrue(closed.at("/data/change/automatic").isMissingNode());
            JsonNode reopened = events.get(6);
            assertEquals("Still dripping", reopened.at("/data/change/reason").asText());
            assertEquals("agent", reopened.at("/data/change/by").asText());
            assertTrue(reopened.at("/data/issue/reopenableUntil").isMissingNode());
            assertFalse(events.stream().anyMatch(e -> e.toString().contains("The customer replied")));
        }
    }

    @Test
    void closingWithANextStepEndsItToo() {
        String id = ownedIssue();
        try (EventStream stream = EventStream.of("issue.events")) {
            as(AGENT).body(Map.of("what", "Call back", "who", "customer", "dueAt", inDays(2)))
                    .put("/issues/{id}/next-action", id).then().statusCode(200);
            as(AGENT).post("/issues/{id}/close", id).then().statusCode(200).body("nextAction", nullValue());
            List<JsonNode> events = stream.await(id, 3, WAIT);
            events.forEach(EventSchemas::assertValid);
            assertEquals(List.of("issue.next-action-set", "issue.next-action-completed", "issue.closed"), EventStream.types(events));
            assertEquals("issue-closed", events.get(1).at("/data/change/reason").asText());
        }
    }

    @Test
    void aCustomerCommentIsOnlyACommentAndReopeningIsTheirExplicitChoice() {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        String path = journey.path();
        try (EventStream stream = EventStream.of("issue.events")) {
            // The next step was the customer's: their comment answers it.
            given().formParam("text", "Photos attached").formParam("formToken", StatusPageTest.formToken(path))
                    .post(path + "/comments").then().statusCode(303);
            as(BOB).get("/issues/{id}", journey.id()).then().body("nextAction", nullValue());
            moveTo(BOB, journey.id(), "resolved").then().statusCode(200);
            given().formParam("text", "Thanks a lot").formParam("formToken", StatusPageTest.formToken(path))
                    .post(path + "/comments").then().statusCode(303).header("Location", endsWith("?notice=commented"));
            as(BOB).get("/issues/{id}", journey.id()).then().body("status", equalTo("resolved"));
            given().formParam("text", "It drips again").formParam("formToken", StatusPageTest.formToken(path))
                    .post(path + "/not-fixed").then().statusCode(303).header("Location", endsWith("?notice=reopened"));
            as(BOB).get("/issues/{id}", journey.id()).then().body("status", equalTo("in_progress"));
            given().formParam("formToken", StatusPageTest.formToken(path)).post(path + "/not-fixed").then()
                    .statusCode(303).header("Location", endsWith("?notice=not-reopenable"));
            as(BOB).post("/issues/{id}/close", journey.id()).then().statusCode(200);
            given().formParam("text", "").formParam("formToken", StatusPageTest.formToken(path)).post(path + "/not-fixed")
                    .then().statusCode(303).header("Location", endsWith("?notice=reopened"));

            List<JsonNode> events = stream.await(journey.id(), 7, WAIT);
            events.forEach(EventSchemas::assertValid);
            List<String> types = EventStream.types(events);
            assertEquals(List.of("issue.commented", "issue.next-action-completed", "issue.status-changed",
                    "issue.commented", "issue.reopened", "issue.closed", "issue.reopened"), types.subList(0, 7), types.toString());
            assertEquals("answered", events.get(1).at("/data/change/reason").asText());
            assertEquals("customer", events.get(1).at("/data/change/completedBy").asText());
            assertEquals("Send photos", events.get(1).at("/data/change/what").asText());
            assertEquals("It drips again", events.get(4).at("/data/change/reason").asText());
            assertEquals("customer", events.get(4).at("/data/change/by").asText());
            assertEquals("", events.get(6).at("/data/change/reason").asText());
            assertEquals("customer", events.get(6).at("/data/change/by").asText());
            assertFalse(events.stream().anyMatch(e -> e.toString().contains("The customer replied")));
        }
    }
}
