package dev.anchor.issue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.locale.CustomerLocale;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.issue.api.statuspage.TokenGuessThrottle;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.moveTo;
import static dev.anchor.issue.IssueFixtures.sql;
import static dev.anchor.issue.StatusPageTruthTest.html;
import static dev.anchor.issue.StatusPageTruthTest.visible;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, "the next step has a life": a step of ours that is late gets a new expected time once
 * ({@code anchor.issues.overdue-grace}, P1D), carried by issue.next-action-overdue and the issue's state, shown on the
 * customer's page with both times in their language — until the new time passes too, or a new step replaces it. The
 * customer's own late step gets none.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class LateStepTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> SHIPPED = List.of("en", "de", "fr");

    @Inject
    TokenGuessThrottle throttle;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void cleanSlate() {
        throttle.reset();
    }

    /** An issue owned by Alice for {@code customerId}, with its status page path. */
    record Case(String id, String path) {

        static Case of(UUID customerId) {
            String id = IssueFixtures.open(customerId).then().statusCode(201).extract().path("id");
            as(AGENT).post("/issues/{id}/assignment", id).then().statusCode(200);
            String url = as(AGENT).post("/issues/{id}/status-link", id).then().statusCode(201).extract().path("statusUrl");
            return new Case(id, url.substring(url.indexOf("/status/")));
        }
    }

    @Test
    void aLateStepOfOursGetsANewTimeOnceThePageSaysBothUntilItPassesAndANewStepClearsIt() throws Exception {
        Case c = Case.of(customer("Ann Example", "en", "Europe/London"));
        CustomerLocale london = CustomerLocale.of("en", "Europe/London", SHIPPED);
        JsonNode overdue;
        try (EventStream stream = EventStream.of("issue.events")) {
            setStep(c.id(), "Order the spare part", "agent", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2));
            List<JsonNode> events = stream.await(c.id(), 2, WAIT);
            assertEquals(List.of("issue.next-action-set", "issue.next-action-overdue"), EventStream.types(events));
            overdue = events.get(1);
            EventSchemas.assertValid(overdue);
            assertEquals(2, stream.during(c.id(), Duration.ofSeconds(3)).size(), "announced once, the new time given once");
        }
        JsonNode change = overdue.at("/data/change");
        JsonNode state = overdue.at("/data/issue");
        OffsetDateTime due = OffsetDateTime.parse(change.path("dueAt").asText());
        assertFalse(change.path("revisedDueAt").isMissingNode(), "a step of ours gets a new time: " + change);
        OffsetDateTime revised = OffsetDateTime.parse(change.path("revisedDueAt").asText());
        // the watch's now + the default grace of one day (the issue moved on at that now)
        assertEquals(OffsetDateTime.parse(state.path("updatedAt").asText()).plusDays(1).toInstant(), revised.toInstant());
        assertEquals(revised.toInstant(), OffsetDateTime.parse(state.at("/nextAction/revisedDueAt").asText()).toInstant(),
                "the issue's state carries it too");
        assertNotNull(sql("select next_revised_due_at from issue where id = ?", UUID.fromString(c.id())));
        // staff see it on the issue
        String staffRevised = as(AGENT).get("/issues/{id}", c.id()).then().statusCode(200)
                .extract().path("nextAction.revisedDueAt");
        assertEquals(revised.toInstant(), OffsetDateTime.parse(staffRevised).toInstant());
        // it is on the trail for the customer: the page's history says the step is late
        as(AGENT).get("/issues/{id}/timeline", c.id()).then().statusCode(200)
                .body("items.find { it.kind == 'issue.next-action-overdue' }.visibility",
                        org.hamcrest.Matchers.equalTo("public"));

        String page = visible(html(c.path()));
        String dueText = london.dateTime(due.toInstant());
        String revisedText = london.dateTime(revised.toInstant());
        assertTrue(page.contains("This is late: it was due " + dueText + ". We are sorry. We now expect it to be done by "
                + revisedText + "."), page);
        assertTrue(page.contains("We are late with this step Order the spare part"), "the history says so: " + page);
        JsonPath json = given().accept("application/json").get(c.path()).then().statusCode(200).extract().jsonPath();
        assertEquals(true, json.getBoolean("nextAction.late"));
        assertEquals(revised.toInstant(), OffsetDateTime.parse(json.getString("nextAction.revisedDueAt")).toInstant());
        assertEquals(revisedText, json.getString("nextAction.revisedText"));

        // the new time passes too: the page says only that it is late (no stale promise), and nothing more is raised
        try (EventStream stream = EventStream.of("issue.events")) {
            update("update issue set next_revised_due_at = now() - interval '1 minute' where id = ?", c.id());
            page = visible(html(c.path()));
            assertTrue(page.contains("This is late: it was due " + dueText + ". We are sorry, and we are on it."), page);
            assertFalse(page.contains("We now expect"), page);
            json = given().accept("application/json").get(c.path()).then().statusCode(200).extract().jsonPath();
            assertNull(json.get("nextAction.revisedDueAt"));
            assertEquals(List.of(), stream.during(c.id(), Duration.ofSeconds(3)), "nothing more is announced");
        }

        // a new step replaces it: its own due time, no promise of the old one
        try (EventStream stream = EventStream.of("issue.events")) {
            setStep(c.id(), "Fit the spare part", "agent", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3));
            JsonNode set = stream.await(c.id(), 1, WAIT).getFirst();
            assertTrue(set.at("/data/issue/nextAction/revisedDueAt").isMissingNode(), set.toString());
        }
        assertNull(sql("select next_revised_due_at from issue where id = ?", UUID.fromString(c.id())));
        as(AGENT).get("/issues/{id}", c.id()).then().statusCode(200)
                .body("nextAction.what", org.hamcrest.Matchers.equalTo("Fit the spare part"))
                .body("nextAction", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("revisedDueAt")));
        page = visible(html(c.path()));
        assertFalse(page.contains("This is late"), page);
        assertFalse(page.contains("We now expect"), page);
    }

    @Test
    void aGermanPageSaysBothTimesForOurPartnersLateStepAndResolvingClearsIt() throws Exception {
        Case c = Case.of(customer("Lena Schmidt", "de", "Europe/Berlin"));
        CustomerLocale berlin = CustomerLocale.of("de", "Europe/Berlin", SHIPPED);
        JsonNode change;
        try (EventStream stream = EventStream.of("issue.events")) {
            setStep(c.id(), "Gerät prüfen", "partner", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2));
            List<JsonNode> events = stream.await(c.id(), 2, WAIT);
            assertEquals("issue.next-action-overdue", events.get(1).path("type").asText());
            EventSchemas.assertValid(events.get(1));
            change = events.get(1).at("/data/change");
        }
        assertEquals("partner", change.path("who").asText());
        String dueText = berlin.dateTime(OffsetDateTime.parse(change.path("dueAt").asText()).toInstant());
        String revisedText = berlin.dateTime(OffsetDateTime.parse(change.path("revisedDueAt").asText()).toInstant());
        String seite = visible(html(c.path()));
        assertTrue(seite.contains("Das ist verspätet: Es war bis " + dueText + " fällig. Das tut uns leid. "
                + "Wir erwarten jetzt, dass es bis " + revisedText + " erledigt ist."), seite);
        assertTrue(seite.contains("Wir sind mit diesem Schritt im Verzug"), seite);
        assertFalse(seite.matches("(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*"), "no raw time: " + seite);

        moveTo(AGENT, c.id(), "resolved").then().statusCode(200);
        assertNull(sql("select next_revised_due_at from issue where id = ?", UUID.fromString(c.id())),
                "the step ends with the issue resolved, and its new time with it");
        assertFalse(visible(html(c.path())).contains("verspätet"));
    }

    @Test
    void theCustomersOwnLateStepGetsNoNewTimeAndStaysAStaffNote() throws Exception {
        Case c = Case.of(customer("Ann Example", "en", "Europe/London"));
        JsonNode overdue;
        try (EventStream stream = EventStream.of("issue.events")) {
            setStep(c.id(), "Send a photo of the label", "customer", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2));
            overdue = stream.await(c.id(), 2, WAIT).get(1);
        }
        assertEquals("issue.next-action-overdue", overdue.path("type").asText());
        EventSchemas.assertValid(overdue);
        assertTrue(overdue.at("/data/change/revisedDueAt").isMissingNode(), overdue.toString());
        assertTrue(overdue.at("/data/issue/nextAction/revisedDueAt").isMissingNode(), overdue.toString());
        assertNull(sql("select next_revised_due_at from issue where id = ?", UUID.fromString(c.id())));
        as(AGENT).get("/issues/{id}/timeline", c.id()).then().statusCode(200)
                .body("items.find { it.kind == 'issue.next-action-overdue' }.visibility",
                        org.hamcrest.Matchers.equalTo("internal"));
        String page = visible(html(c.path()));
        assertFalse(page.contains("This is late"), "the customer is not told off: " + page);
        assertFalse(page.contains("We are late"), page);
    }

    private static void setStep(String id, String what, String who, OffsetDateTime dueAt) {
        as(AGENT).body(Map.of("what", what, "who", who, "dueAt", dueAt.toString()))
                .put("/issues/{id}/next-action", id).then().statusCode(200);
    }

    private void update(String statement, String id) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, UUID.fromString(id));
            assertEquals(1, update.executeUpdate());
        }
    }
}
