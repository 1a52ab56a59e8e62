package dev.anchor.notification;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.anchor.notification.Fixtures.WAIT;
import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.notifications;
import static dev.anchor.notification.Fixtures.number;
import static dev.anchor.notification.Fixtures.opened;
import static dev.anchor.notification.Fixtures.registered;
import static dev.anchor.notification.Fixtures.sendIssue;
import static dev.anchor.notification.Fixtures.uniquePhone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A provider outage longer than the attempts allow loses nothing while it is shorter than retry-for. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
@TestProfile(LongOutageTest.RetriedForAnHour.class)
class LongOutageTest {

    /** Three attempts, then retries every half second for an hour. */
    public static class RetriedForAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("anchor.notification.retry-for", "PT1H", "anchor.notification.retry-max", "PT0.5S");
        }
    }

    @BeforeEach
    void providerAccepts() {
        Fixtures.smsProviderAccepts();
    }

    @Test
    void aMessageOutlastsItsAttemptBudgetAndGoesOutOnceTheProviderIsBack() {
        String phone = uniquePhone();
        StubMapping down = SmsProvider.server.stubFor(post(urlEqualTo("/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))
                .willReturn(aResponse().withStatus(503)));
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));

        // twice the attempts the test profile allows (3), and the message is still waiting to be sent
        Awaitility.await().atMost(WAIT).until(() -> requestsTo(phone) >= 6);
        assertEquals("queued", notifications(issueId).get(0).get("status"));

        SmsProvider.server.removeStub(down);
        Map<String, Object> sent = awaitNotifications(issueId, 1, "sent").get(0);
        assertTrue((Integer) sent.get("attempts") >= 7, "attempts: " + sent.get("attempts"));
        assertEquals(1, SmsProvider.server.findAll(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))).size() - requestsBefore(phone));
    }

    private static int requestsBefore(String phone) {
        return failedRequests(phone);
    }

    private static int failedRequests(String phone) {
        return (int) SmsProvider.server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(phone) && e.getResponse().getStatus() == 503)
                .count();
    }

    private static int requestsTo(String phone) {
        return SmsProvider.server.findAll(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))).size();
    }
}
