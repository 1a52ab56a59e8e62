package dev.anchor.issue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.MAPPER;
import static dev.anchor.issue.IssueFixtures.PARTNER;
import static dev.anchor.issue.IssueFixtures.SUPERVISOR;
import static dev.anchor.issue.IssueFixtures.SYSTEM;
import static dev.anchor.issue.IssueFixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The directory of stores and repair centres: who keeps and reads it, strict validation, ETags and safe retries. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class LocationDirectoryTest {

    /** A valid directory entry (a repair centre in London) with the given id, or none. */
    static ObjectNode place(String id) {
        ObjectNode body = MAPPER.createObjectNode();
        if (id != null) {
            body.put("locationId", id);
        }
        body.put("name", "Anchor Repair Centre Holborn");
        body.put("kind", "repair_centre");
        ObjectNode address = body.putObject("address");
        address.putArray("lines").add("12 High Holborn").add("Unit 3");
        address.put("city", "London");
        address.put("postalCode", "WC1V 6PX");
        address.put("country", "GB");
        body.put("phone", "+44 20 7946 0123");
        body.put("timeZone", "Europe/London");
        ObjectNode weekdays = body.putArray("openingHours").addObject();
        weekdays.putArray("days").add("monday").add("tuesday").add("wednesday").add("thursday").add("friday");
        weekdays.put("opens", "09:00");
        weekdays.put("closes", "17:30");
        return body;
    }

    /** Adds a new entry to the directory as a supervisor; answers its id. */
    static String addLocation() {
        String id = "rc-" + UUID.randomUUID().toString().substring(0, 8);
        as(SUPERVISOR).body(place(id).toString()).post("/locations").then().statusCode(201);
        return id;
    }

    @Test
    void aSupervisorAddsAndChangesAnEntryThatStaffAndPartnersRead() {
        String id = "rc-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = as(SUPERVISOR).body(place(id).toString()).post("/locations");
        created.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/locations/" + id))
                .header("ETag", "\"0\"")
                .body("place.locationId", equalTo(id)).body("place.kind", equalTo("repair_centre"))
                .body("place.address.lines[1]", equalTo("Unit 3"))
                .body("place.openingHours[0].days", hasItem("friday"));
        for (String reader : new String[] {AGENT, PARTNER, SYSTEM, SUPERVISOR}) {
            as(reader).get("/locations/{id}", id).then().statusCode(200).header("ETag", "\"0\"")
                    .body("place.name", equalTo("Anchor Repair Centre Holborn"));
        }
        as(AGENT).get("/locations?size=100").then().statusCode(200).body("page", equalTo(0));

        ObjectNode changed = place(null).put("name", "Anchor Repair Centre Holborn (new entrance)");
        assertProblem(as(SUPERVISOR).header("If-Match", "\"7\"").body(changed.toString()).put("/locations/{id}", id).then(), 412);
        as(SUPERVISOR).header("If-Match", "\"0\"").body(changed.toString()).put("/locations/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"").body("place.name", equalTo("Anchor Repair Centre Holborn (new entrance)"));
        assertProblem(as(SUPERVISOR).body(place("another-id").toString()).put("/locations/{id}", id).then(), 400)
                .body("errors.field", hasItem("locationId"));
    }

    @Test
    void anIdIsGeneratedWhenNoneIsGivenAndRetriesAreSafe() {
        ObjectNode body = place(null);
        String key = UUID.randomUUID().toString();
        Response first = as(SUPERVISOR).header("Idempotency-Key", key).body(body.toString()).post("/locations");
        first.then().statusCode(201);
        String id = first.path("place.locationId");
        as(SUPERVISOR).header("Idempotency-Key", key).body(body.toString()).post("/locations").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("place.locationId", equalTo(id));
        assertProblem(as(SUPERVISOR).header("Idempotency-Key", key).body(place(null).put("name", "Other").toString())
                .post("/locations").then(), 422);
        String second = as(SUPERVISOR).body(body.toString()).post("/locations").then().statusCode(201)
                .extract().path("place.locationId");
        assertNotEquals(id, second);
        assertProblem(as(SUPERVISOR).body(place(id).toString()).post("/locations").then(), 409);
    }

    @Test
    void onlySupervisorsChangeItAndEveryoneNeedsAToken() {
        String id = addLocation();
        assertProblem(as(AGENT).body(place(null).toString()).post("/locations").then(), 403);
        assertProblem(as(PARTNER).body(place(null).toString()).post("/locations").then(), 403);
        assertProblem(as(AGENT).body(place(null).toString()).put("/locations/{id}", id).then(), 403);
        assertProblem(given().contentType(ContentType.JSON).body(place(null).toString()).post("/locations").then(), 401);
        assertProblem(given().get("/locations/{id}", id).then(), 401);
        assertProblem(given().get("/locations").then(), 401);
        assertProblem(as(AGENT).get("/locations/{id}", "no-such-place").then(), 404);
        assertProblem(as(AGENT).get("/locations/{id}", "%20%3Cx%3E").then(), 404);
        assertProblem(as(SUPERVISOR).body(place(null).toString()).put("/locations/{id}", "no-such-place").then(), 404);
    }

    @Test
    void badInputIsA4xxNamingTheFieldNeverA500() {
        record Case(String field, java.util.function.Consumer<ObjectNode> breakIt) {
        }
        java.util.List<Case> cases = java.util.List.of(
                new Case("name", b -> b.remove("name")),
                new Case("name", b -> b.put("name", "   ")),
                new Case("name", b -> b.put("name", "x".repeat(201))),
                new Case("kind", b -> b.put("kind", "warehouse")),
                new Case("address", b -> b.remove("address")),
                new Case("address.lines", b -> b.withObject("/address").putArray("lines")),
                new Case("address.lines", b -> b.withObject("/address").putArray("lines").add("1").add("2").add("3").add("4")),
                new Case("address.city", b -> b.withObject("/address").remove("city")),
                new Case("address.country", b -> b.withObject("/address").put("country", "gb")),
                new Case("address.country", b -> b.withObject("/address").put("country", "XX")),
                new Case("timeZone", b -> b.put("timeZone", "Mars/Olympus")),
                new Case("timeZone", b -> b.put("timeZone", "+02:00")),
                new Case("timeZone", b -> b.remove("timeZone")),
                new Case("phone", b -> b.put("phone", "call me")),
                new Case("locationId", b -> b.put("locationId", "has space")),
                new Case("locationId", b -> b.put("locationId", "x".repeat(101))),
                new Case("openingHours[0].opens", b -> ((ObjectNode) b.withArray("openingHours").get(0)).put("opens", "9am")),
                new Case("openingHours[0].closes", b -> ((ObjectNode) b.withArray("openingHours").get(0)).put("closes", "08:00")),
                new Case("openingHours[0].days", b -> ((ObjectNode) b.withArray("openingHours").get(0)).putArray("days")),
                new Case("openingHours[0].days", b -> ((ObjectNode) b.withArray("openingHours").get(0)).putArray("days").add("funday")),
                new Case("openingHours[0].days", b -> ((ObjectNode) b.withArray("openingHours").get(0)).putArray("days").add("monday").add("monday")),
                new Case("colour", b -> b.put("colour", "blue")));
        for (Case c : cases) {
            ObjectNode body = place(null);
            c.breakIt().accept(body);
            var answer = as(SUPERVISOR).body(body.toString()).post("/locations").then();
            int status = answer.extract().statusCode();
            assertEquals(400, status, c.field() + ": " + answer.extract().asString());
            answer.contentType(startsWith("application/problem+json"));
            String text = answer.extract().asString();
            org.junit.jupiter.api.Assertions.assertTrue(text.contains(c.field().replaceAll("\\[\\d]\\..*", "")),
                    c.field() + " named in " + text);
        }
        assertProblem(as(SUPERVISOR).body("{not json").post("/locations").then(), 400);
        assertProblem(as(SUPERVISOR).body("{\"name\": \"" + "x".repeat(70_000) + "\"}").post("/locations").then(), 413);
    }
}
