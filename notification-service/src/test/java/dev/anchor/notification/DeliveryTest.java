package dev.anchor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.notification.api.CallbackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.notification.Fixtures.WAIT;
import static dev.anchor.notification.Fixtures.as;
import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.mailTo;
import static dev.anchor.notification.Fixtures.number;
import static dev.anchor.notification.Fixtures.opened;
import static dev.anchor.notification.Fixtures.registered;
import static dev.anchor.notification.Fixtures.sendIssue;
import static dev.anchor.notification.Fixtures.uniqueEmail;
import static dev.anchor.notification.Fixtures.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Retries, failover to the next provider, permanent failures, bounces, restarts and provider callbacks. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class DeliveryTest {

    @BeforeEach
    void providerAccepts() {
        Fixtures.smsProviderAccepts();
    }

    private static UUID smsCustomer(String phone) {
        UUID id = UUID.randomUUID();
        registered(customer(id, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        return id;
    }

    private static int requestsTo(String phone) {
        return SmsProvider.server.findAll(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))).size();
    }

    @Test
    void aProviderThatIsDownThenBackGetsTheMessageOnceAfterARetry() {
        String phone = uniquePhone();
        SmsProvider.server.stubFor(post(urlEqualTo("/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))
                .inScenario("down-" + phone).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        SmsProvider.server.stubFor(post(urlEqualTo("/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))
                .inScenario("down-" + phone).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"up-{{jsonPath request.body '$.reference'}}\", \"status\": \"accepted\"}")));
        UUID customerId = smsCustomer(phone);
        UUID issueId = UUID.randomUUID();
        try (EventStream stream = EventStream.of("notification.events")) {
            sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));
            Map<String, Object> sent = awaitNotifications(issueId, 1, "sent").get(0);
            assertEquals(2, sent.get("attempts"));
            assertEquals(2, requestsTo(phone));
            List<JsonNode> events = stream.await((String) sent.get("id"), 1, WAIT);
            assertEquals(List.of("notification.sent"), EventStream.types(events));
            EventSchemas.assertValid(events.get(0));
        }
    }

    @Test
    void aPermanentRejectionFailsAtOnceWithTheReasonAndSuppressesTheNumber() {
        String phone = uniquePhone();
        SmsProvider.server.stubFor(post(urlEqualTo("/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\": \"invalid number\"}")));
        UUID customerId = smsCustomer(phone);
        UUID issueId = UUID.randomUUID();
        try (EventStream stream = EventStream.of("notification.events")) {
            sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));
            Map<String, Object> failed = awaitNotifications(issueId, 1, "failed").get(0);
            assertThat((String) failed.get("reason"), containsString("400"));
            assertEquals(1, failed.get("attempts"));
            assertEquals(1, requestsTo(phone));
            List<JsonNode> events = stream.await((String) failed.get("id"), 1, WAIT);
            assertEquals("notification.failed", events.get(0).path("type").asText());
            EventSchemas.assertValid(events.get(0));
        }
        UUID next = UUID.randomUUID();
        sendIssue(opened(issue(next, customerId, number(), 1, "normal")));
        assertEquals("address-suppressed:sms", awaitNotifications(next, 1, "suppressed").get(0).get("reason"));
        assertEquals(1, requestsTo(phone));
    }

    @Test
    void aRejectedNumberFallsBackToEmailWhenTheCustomerAllowsIt() {
        String phone = uniquePhone();
        String email = uniqueEmail();
        SmsProvider.server.stubFor(post(urlEqualTo("/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\": \"invalid number\"}")));
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, email, phone, p -> p.put("preferredChannel", "sms").put("fallbackAllowed", true)));
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));
        Map<String, Object> sent = awaitNotifications(issueId, 1, "sent").get(0);
        assertEquals("email", sent.get("channel"));
        assertEquals(2, sent.get("attempts"));
        assertEquals(1, requestsTo(phone));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
    }

    @Test
    void afterTheLastAttemptTheMessageIsFailedWithTheReason() {
        String phone = uniquePhone();
        SmsProvider.server.stubFor(post(urlEqualTo("/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))
                .willReturn(aResponse().withStatus(503)));
        UUID customerId = smsCustomer(phone);
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));
        Map<String, Object> failed = awaitNotifications(issueId, 1, "failed").get(0);
        assertThat((String) failed.get("reason"), startsWith("gave up after 3 attempts"));
        assertEquals(3, failed.get("attempts"));
        assertEquals(3, requestsTo(phone));
    }

    @Test
    void aRetryPendingInTheDatabaseIsSentAfterARestart() throws Exception {
        String email = uniqueEmail();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, email, null, p -> { }));
        UUID id = UUID.randomUUID();
        UUID issueId = UUID.randomUUID();
        // what a previous process left behind: one failed attempt, the retry due now
        Replicas.update("""
                insert into notification (id, customer_id, issue_id, trigger_event_id, trigger_type, category, channel,
                  status, reason, template, language, subject, summary, body_text, body_html, sms_text, attempts, due_at,
                  created_at)
                values (?, ?, ?, ?, 'issue.opened', 'critical', 'email', 'queued', 'retrying', 'issue-opened', 'en',
                  'Your issue K7-REST is open', 'Your issue K7-REST is open', 'Left over from before the restart',
                  '<p>Left over</p>', 'Issue K7-REST is open', 1, ?, ?)""",
                id, customerId, issueId, UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5),
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        Map<String, Object> sent = awaitNotifications(issueId, 1, "sent").get(0);
        assertEquals(2, sent.get("attempts"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        assertEquals("Your issue K7-REST is open", mailTo(email).get(0).getSubject());
        // the second attempt is recognisably the same message as the first
        assertEquals("<" + id + "@anchor.local>", mailTo(email).get(0).getHeader("Message-ID", null));
    }

    @Test
    void aHardBounceSuppressesTheAddressUntilItChanges() {
        String email = uniqueEmail();
        UUID customerId = UUID.randomUUID();
        ObjectNode customer = customer(customerId, 1, email, null, p -> { });
        registered(customer);
        UUID first = UUID.randomUUID();
        sendIssue(opened(issue(first, customerId, number(), 1, "normal")));
        String id = (String) awaitNotifications(first, 1, "sent").get(0).get("id");
        signed("/callbacks/email", "{\"address\": \"" + email + "\", \"type\": \"hard-bounce\", \"reference\": \"" + id + "\"}")
                .then().statusCode(204);
        assertEquals("failed", awaitNotifications(first, 1, "failed").get(0).get("status"));

        UUID second = UUID.randomUUID();
        sendIssue(opened(issue(second, customerId, number(), 1, "normal")));
        assertEquals("address-suppressed:email", awaitNotifications(second, 1, "suppressed").get(0).get("reason"));

        String changed = uniqueEmail();
        Fixtures.publishCustomer("customer.updated", customer(customerId, 2, changed, null, p -> { }));
        Fixtures.awaitReplica(customerId, 2);
        UUID third = UUID.randomUUID();
        sendIssue(opened(issue(third, customerId, number(), 1, "normal")));
        awaitNotifications(third, 1, "sent");
        Awaitility.await().atMost(WAIT).until(() -> mailTo(changed).size() == 1);
        assertEquals(1, mailTo(email).size());
    }

    @Test
    void aDeliveryReceiptMarksTheSmsDeliveredOnce() {
        String phone = uniquePhone();
        UUID customerId = smsCustomer(phone);
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));
        String id = (String) awaitNotifications(issueId, 1, "sent").get(0).get("id");
        try (EventStream stream = EventStream.of("notification.events")) {
            String receipt = "{\"id\": \"sms-" + id + "\", \"reference\": \"" + id + "\", \"status\": \"delivered\"}";
            signed("/callbacks/sms", receipt).then().statusCode(204);
            signed("/callbacks/sms", receipt).then().statusCode(204);
            Map<String, Object> delivered = awaitNotifications(issueId, 1, "delivered").get(0);
            assertEquals(id, delivered.get("id"));
            as("agent").get("/notifications/{id}", id).then().statusCode(200)
                    .body("status", equalTo("delivered")).body("deliveredAt", org.hamcrest.Matchers.notNullValue());
            List<JsonNode> events = stream.await(id, 1, WAIT);
            assertEquals(List.of("notification.delivered"), EventStream.types(stream.during(id, java.time.Duration.ofMillis(500))));
            EventSchemas.assertValid(events.get(0));
        }
    }

    @Test
    void badCallbacksAreRejectedAndChangeNothing() {
        String phone = uniquePhone();
        UUID customerId = smsCustomer(phone);
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));
        String id = (String) awaitNotifications(issueId, 1, "sent").get(0).get("id");
        String good = "{\"reference\": \"" + id + "\", \"status\": \"delivered\"}";

        assertProblem(given().contentType(ContentType.JSON).body(good).post("/callbacks/sms").then(), 401);
        assertProblem(given().contentType(ContentType.JSON).header(CallbackResource.SIGNATURE, "sha256=00ff")
                .body(good).post("/callbacks/sms").then(), 401);
        assertProblem(given().contentType(ContentType.JSON).header(CallbackResource.SIGNATURE, "sha256=zz")
                .body(good).post("/callbacks/sms").then(), 401);
        // signed for another body
        assertProblem(given().contentType(ContentType.JSON).header(CallbackResource.SIGNATURE, signature("{}"))
                .body(good).post("/callbacks/sms").then(), 401);
        assertProblem(signed("/callbacks/sms", "{\"reference\": ").then(), 400);
        assertProblem(signed("/callbacks/sms", "").then(), 400);
        assertProblem(signed("/callbacks/sms", "[1]").then(), 400);
        assertProblem(signed("/callbacks/sms", "{\"reference\": \"" + id + "\", \"status\": \"delivered\", \"x\": \"1\"}").then(), 400)
                .body("errors[0].field", equalTo("x"));
        assertProblem(signed("/callbacks/sms", "{\"reference\": \"" + id + "\", \"status\": \"read\"}").then(), 400);
        assertProblem(signed("/callbacks/sms", "{\"reference\": \"" + id + "\"}").then(), 400);
        assertProblem(signed("/callbacks/sms", "{\"reference\": \"not-a-uuid\", \"status\": \"delivered\"}").then(), 400);
        assertProblem(signed("/callbacks/sms", "{\"reference\": \"" + UUID.randomUUID() + "\", \"status\": \"delivered\"}").then(), 404);
        assertProblem(signed("/callbacks/sms", "{\"id\": \"someone-else\", \"reference\": \"" + id + "\", \"status\": \"delivered\"}").then(), 422);
        assertProblem(signed("/callbacks/sms", "{\"reference\": \"" + id + "\", \"status\": \"" + "x".repeat(70_000) + "\"}").then(), 413);
        assertProblem(signed("/callbacks/email", "{\"address\": \"nobody\", \"type\": \"hard-bounce\"}").then(), 400);
        assertProblem(signed("/callbacks/email", "{\"address\": \"a@b.example\", \"type\": \"spam\"}").then(), 400);
        assertProblem(given().contentType(ContentType.JSON).body("{\"address\": \"a@b.example\", \"type\": \"complaint\"}")
                .post("/callbacks/email").then(), 401);

        as("agent").get("/notifications/{id}", id).then().statusCode(200).body("status", equalTo("sent"));
    }

    static io.restassured.response.Response signed(String path, String body) {
        return given().contentType(ContentType.JSON).header(CallbackResource.SIGNATURE, signature(body)).body(body).post(path);
    }

    static String signature(String body) {
        return "sha256=" + HexFormat.of().formatHex(CallbackResource.sign(
                Fixtures.CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8), body));
    }
}
