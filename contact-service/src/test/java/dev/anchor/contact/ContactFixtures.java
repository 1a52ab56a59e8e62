package dev.anchor.contact;

import dev.anchor.blocks.testing.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Tokens for every role, and contacts as an agent or a store would log them. */
final class ContactFixtures {

    static final String STORE = "store-12";
    static final String AGENT = TestJwt.token("agent", "agent.alice");
    static final String SUPERVISOR = TestJwt.token("supervisor", "supervisor.sam");
    static final String SYSTEM = TestJwt.token("system", "issue-service");
    static final String PARTNER = TestJwt.token("partner", "partner.store-12", Map.of("location", STORE));
    static final String OTHER_PARTNER = TestJwt.token("partner", "partner.store-99", Map.of("location", "store-99"));
    static final String PARTNER_WITHOUT_LOCATION = TestJwt.token("partner", "partner.nowhere");

    private ContactFixtures() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static OffsetDateTime minutesAgo(long minutes) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutes).withNano(0);
    }

    /** A phone call an agent logs about {@code customerId}. */
    static String callJson(String customerId) {
        return """
                {"customerId": "%s", "channel": "phone", "direction": "inbound", "agentId": "agent.alice",
                 "occurredAt": "%s", "durationSeconds": 420,
                 "summary": "Customer reported the router drops the connection every evening.",
                 "internalNotes": "Sounded frustrated; second call this week.", "outcome": "follow_up"}"""
                .formatted(customerId, minutesAgo(30));
    }

    /** A contact of any channel and location, at a given time. */
    static String contactJson(String customerId, String channel, String location, OffsetDateTime at, String issueId) {
        return """
                {"customerId": "%s", "channel": "%s", "direction": "inbound", %s "occurredAt": "%s",
                 "summary": "Contact on %s", "internalNotes": "note on %s", "outcome": "information_given" %s}"""
                .formatted(customerId, channel, location == null ? "\"agentId\": \"agent.alice\"," : "\"locationId\": \"" + location + "\",",
                        at, channel, channel, issueId == null ? "" : ", \"issueId\": \"" + issueId + "\"");
    }

    static Response log(String token, String json) {
        return as(token).body(json).post("/contacts");
    }

    static String logCall(String customerId) {
        return log(AGENT, callJson(customerId)).then().statusCode(201).extract().path("id");
    }

    static String newCustomerId() {
        return UUID.randomUUID().toString();
    }
}
