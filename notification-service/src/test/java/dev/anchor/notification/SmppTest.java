package dev.anchor.notification;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.anchor.notification.Fixtures.as;
import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.number;
import static dev.anchor.notification.Fixtures.opened;
import static dev.anchor.notification.Fixtures.registered;
import static dev.anchor.notification.Fixtures.sendIssue;
import static dev.anchor.notification.Fixtures.uniquePhone;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** SMPP as the first SMS provider (a real jsmpp SMSC in-process), failing over to the HTTP provider. */
@QuarkusTest
@TestProfile(SmppTest.SmppFirst.class)
class SmppTest {

    public static class SmppFirst implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestSmsc.class));
        }
    }

    @BeforeEach
    void providersUp() {
        Fixtures.smsProviderAccepts();
        TestSmsc.failing = false;
    }

    @AfterEach
    void smscUp() {
        TestSmsc.failing = false;
    }

    private static List<TestSmsc.Received> receivedBy(String phone) {
        return TestSmsc.RECEIVED.stream().filter(r -> r.to().equals(phone.substring(1))).toList();
    }

    @Test
    void sendsOverSmppWithTheNumberAndLinkInGsmAndUcs2() {
        String phone = uniquePhone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        UUID issueId = UUID.randomUUID();
        String number = number();
        sendIssue(opened(issue(issueId, customerId, number, 1, "normal")));
        Map<String, Object> sent = awaitNotifications(issueId, 1, "sent").get(0);
        List<TestSmsc.Received> received = receivedBy(phone);
        assertEquals(1, received.size());
        assertThat(received.get(0).text(), containsString("Issue " + number + " is open"));
        assertThat(received.get(0).text(), containsString("https://status.anchor.local/status/tok-" + number));
        assertEquals(0, received.get(0).dataCoding());
        assertEquals("Anchor", received.get(0).from());
        assertEquals(0, SmsProvider.server.findAll(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))).size());

        // a comment with characters outside GSM-7 travels as UCS-2
        UUID other = UUID.randomUUID();
        sendIssue(Fixtures.issueEvent("issue.commented", issue(other, customerId, number(), 2, "normal"),
                Fixtures.change(Map.of("commentId", UUID.randomUUID().toString(), "visibility", "public", "text", "Ersatzteil ist unterwegs ✓",
                        "author", Map.of("role", "partner", "id", "p1", "displayName", "Repair Co")))));
        awaitNotifications(other, 1, "sent");
        TestSmsc.Received ucs2 = receivedBy(phone).get(1);
        assertEquals(8, ucs2.dataCoding());
        assertThat(ucs2.text(), containsString("Ersatzteil ist unterwegs ✓"));
        assertEquals("sent", sent.get("status"));
    }

    @Test
    void whenTheSmscFailsTheHttpProviderTakesOver() {
        TestSmsc.failing = true;
        String phone = uniquePhone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));
        Map<String, Object> sent = awaitNotifications(issueId, 1, "sent").get(0);
        assertEquals(1, sent.get("attempts"));
        assertEquals(0, receivedBy(phone).size());
        assertEquals(1, SmsProvider.server.findAll(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))).size());
        as("agent").get("/notifications/{id}", sent.get("id")).then().statusCode(200);
    }
}
