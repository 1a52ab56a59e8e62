package dev.anchor.contact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.contact.ContactFixtures.AGENT;
import static dev.anchor.contact.ContactFixtures.PARTNER;
import static dev.anchor.contact.ContactFixtures.STORE;
import static dev.anchor.contact.ContactFixtures.SYSTEM;
import static dev.anchor.contact.ContactFixtures.as;
import static dev.anchor.contact.ContactFixtures.callJson;
import static dev.anchor.contact.ContactFixtures.contactJson;
import static dev.anchor.contact.ContactFixtures.log;
import static dev.anchor.contact.ContactFixtures.minutesAgo;
import static dev.anchor.contact.ContactFixtures.newCustomerId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A contact summary the customer asked to receive: stored, shown, and published for notification-service. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class SummaryRequestedTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private EventStream stream;

    @BeforeEach
    void listen() {
        stream = EventStream.of("contact.events");
    }

    @AfterEach
    void stop() {
        stream.close();
    }

    @Test
    void aRequestedSummaryIsStoredShownAndPublished() {
        String customer = newCustomerId();
        String id = log(AGENT, requested(callJson(customer), "true")).then().statusCode(201)
                .body("summaryRequested", equalTo(true)).extract().path("id");
        as(AGENT).get("/contacts/{id}", id).then().statusCode(200).body("summaryRequested", equalTo(true));
        as(PARTNER).body(requested(contactJson(customer, "store", STORE, minutesAgo(5), null), "true")
                .replace(", \"internalNotes\": \"note on store\"", "")).post("/contacts").then().statusCode(201)
                .body("summaryRequested", equalTo(true));
        as(AGENT).header("If-Match", "\"0\"")
                .body("{\"reason\": \"Clearer wording\", \"changes\": {\"summary\": \"The router drops the connection at 8 pm.\"}}")
                .post("/contacts/{id}/amendments", id).then().statusCode(200).body("summaryRequested", equalTo(true));

        List<JsonNode> events = stream.await(id, 2, WAIT);
        assertEquals(List.of("contact.logged", "contact.amended"), EventStream.types(events));
        events.forEach(EventSchemas::assertValid);
        assertTrue(events.get(0).at("/data/contact/summaryRequested").asBoolean());
        assertEquals("Customer reported the router drops the connection every evening.",
                events.get(0).at("/data/contact/summary").asText());
        assertTrue(events.get(1).at("/data/contact/summaryRequested").asBoolean(), "the flag as it stands");
        assertEquals("[\"summary\"]", events.get(1).at("/data/amendment/fields").toString());
    }

    @Test
    void notAskingIsFalseAndPublishedAsSuch() {
        String customer = newCustomerId();
        String omitted = log(AGENT, callJson(customer)).then().statusCode(201)
                .body("summaryRequested", equalTo(false)).extract().path("id");
        String explicitNull = log(AGENT, requested(callJson(customer), "null")).then().statusCode(201)
                .body("summaryRequested", equalTo(false)).extract().path("id");
        String no = log(AGENT, requested(callJson(customer), "false")).then().statusCode(201)
                .body("summaryRequested", equalTo(false)).extract().path("id");
        as(AGENT).get("/contacts/{id}", omitted).then().body("summaryRequested", equalTo(false));
        for (String id : List.of(omitted, explicitNull, no)) {
            JsonNode logged = stream.await(id, 1, WAIT).get(0);
            EventSchemas.assertValid(logged);
            JsonNode flag = logged.at("/data/contact/summaryRequested");
            assertTrue(flag.isBoolean() && !flag.asBoolean(), "present and false: " + logged);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"summary\": \"  \"", "\"summary\": \"\"", "\"summary\": null"})
    void askingForASummaryWithoutOneIsRefusedAndNothingIsStoredOrPublished(String summary) {
        String customer = newCustomerId();
        String json = requested(callJson(customer), "true")
                .replace("\"summary\": \"Customer reported the router drops the connection every evening.\"", summary);
        assertProblem(log(AGENT, json).then(), 400).body("errors.field", hasItem("summary"));
        as(AGENT).get("/customers/{id}/contacts", customer).then().statusCode(404); // nothing known of it: nothing written
        as(AGENT).get("/customers/{id}/timeline", customer).then().statusCode(404);
        String later = log(AGENT, callJson(customer)).then().statusCode(201).extract().path("id");
        stream.await(later, 1, WAIT);
        assertEquals(1, stream.records().stream().filter(r -> r.value().contains(customer)).count(),
                "only the later contact was published");
    }

    @Test
    void theWishCannotBeAmendedAndRefusedInputChangesNothing() {
        String customer = newCustomerId();
        String id = log(AGENT, callJson(customer)).then().statusCode(201).extract().path("id");
        assertProblem(as(AGENT).body("{\"reason\": \"Customer asked later\", \"changes\": {\"summaryRequested\": true}}")
                .post("/contacts/{id}/amendments", id).then(), 400).body("errors.field", hasItem("changes.summaryRequested"));
        assertProblem(log(AGENT, requested(callJson(customer), "\"yes\"")).then(), 400)
                .body("errors.field", hasItem("summaryRequested"));
        assertProblem(log(AGENT, requested(callJson(customer), "true").replace("every evening.", "x".repeat(70_000)))
                .then(), 413);
        assertProblem(given().contentType("application/json").body(requested(callJson(customer), "true"))
                .post("/contacts").then(), 401);
        assertProblem(log(SYSTEM, requested(callJson(customer), "true")).then(), 403);
        assertProblem(log(ContactFixtures.PARTNER_WITHOUT_LOCATION,
                requested(contactJson(customer, "store", STORE, minutesAgo(5), null), "true")).then(), 403);
        as(AGENT).get("/contacts/{id}", id).then().header("ETag", "\"0\"").body("summaryRequested", equalTo(false));
        as(AGENT).get("/customers/{id}/contacts", customer).then().body("total", equalTo(1));
        assertEquals(List.of("contact.logged"), EventStream.types(stream.during(id, Duration.ofSeconds(2))));
    }

    /** {@code json} with {@code "summaryRequested": value} added (value as raw JSON). */
    private static String requested(String json, String value) {
        int end = json.lastIndexOf('}');
        return json.substring(0, end) + ", \"summaryRequested\": " + value + "}";
    }
}
