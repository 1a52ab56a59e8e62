package dev.anchor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.notification.api.CallbackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.notification.DeliveryTest.signature;
import static dev.anchor.notification.DeliveryTest.signed;
import static dev.anchor.notification.Fixtures.MAPPER;
import static dev.anchor.notification.Fixtures.PUBLISHER;
import static dev.anchor.notification.Fixtures.WAIT;
import static dev.anchor.notification.Fixtures.awaitApplied;
import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.erasedEvent;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.number;
import static dev.anchor.notification.Fixtures.opened;
import static dev.anchor.notification.Fixtures.registered;
import static dev.anchor.notification.Fixtures.sendIssue;
import static dev.anchor.notification.Fixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** SMS replies from the provider's inbound webhook become notification.reply-received, without the number. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class InboundSmsTest {

    private static final String INBOUND = "/callbacks/sms/inbound";

    @BeforeEach
    void providerAccepts() {
        Fixtures.smsProviderAccepts();
    }

    @Test
    void aReplyFromAKnownNumberIsPublishedOnceWithTheIssueOfHerLastSms() throws Exception {
        String phone = phone();
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, phone, p -> p.put("preferredChannel", "sms")));
        UUID bySms = UUID.randomUUID();
        sendIssue(opened(issue(bySms, customerId, number(), 1, "normal")));
        awaitNotifications(bySms, 1, "sent");
        // a newer message about another issue, by email: the reply still answers her last SMS
        Fixtures.publishCustomer("customer.updated", customer(customerId, 2, email, phone, p -> { }));
        Fixtures.awaitReplica(customerId, 2);
        UUID byEmail = UUID.randomUUID();
        sendIssue(opened(issue(byEmail, customerId, number(), 1, "normal")));
        assertEquals("email", awaitNotifications(byEmail, 1, "sent").get(0).get("channel"));

        String id = providerId();
        String body = reply(id, phone, r -> r.put("to", "+447700900000").put("text", "Yes, Tuesday morning suits me")
                .put("at", "2026-12-02T19:30:00.123456789+01:00"));
        try (EventStream stream = EventStream.of("notification.events")) {
            signed(INBOUND, body).then().statusCode(204);
            List<ConsumerRecord<String, String>> records = awaitReplies(stream, id);
            assertEquals(1, records.size());
            JsonNode event = parse(records.get(0).value());
            EventSchemas.assertValid(event);
            JsonNode reply = event.path("data").path("reply");
            assertEquals("notification.reply-received", event.path("type").asText());
            assertEquals(reply.path("id").asText(), records.get(0).key());
            assertEquals(reply.path("id").asText(), event.path("subject").asText());
            assertEquals(customerId.toString(), reply.path("customerId").asText());
            assertEquals(bySms.toString(), reply.path("issueId").asText());
            assertEquals("sms", reply.path("channel").asText());
            assertEquals("Yes, Tuesday morning suits me", reply.path("text").asText());
            assertEquals("2026-12-02T18:30:00.123456Z", reply.path("receivedAt").asText());
            assertEquals(id, reply.path("providerMessageId").asText());
            String digits = phone.substring(1);
            assertFalse(records.get(0).value().contains(digits), "the event carries the number");
            assertFalse(records.get(0).value().contains("447700900000"), "the event carries our number");

            signed(INBOUND, body).then().statusCode(204);
            assertEquals(1, replies(stream, id, Duration.ofSeconds(2)).size());
        }
        assertEquals("published", status(id));
        assertEquals(customerId.toString(), column("customer_id", id));
        assertEquals(bySms.toString(), column("issue_id", id));
    }

    @Test
    void aReplyFromACustomerWithoutMessagesAboutAnIssueHasNoIssue() throws Exception {
        String phone = phone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        String id = providerId();
        try (EventStream stream = EventStream.of("notification.events")) {
            signed(INBOUND, reply(id, phone, r -> r.put("text", "Who is this?"))).then().statusCode(204);
            JsonNode event = parse(awaitReplies(stream, id).get(0).value());
            EventSchemas.assertValid(event);
            JsonNode reply = event.path("data").path("reply");
            assertEquals(customerId.toString(), reply.path("customerId").asText());
            assertFalse(reply.has("issueId"));
            assertFalse(reply.path("receivedAt").asText().isEmpty());
        }
        assertEquals("published", status(id));
    }

    @Test
    void aReplyFromAnUnknownOrErasedNumberIsRecordedUnmatchedAndNotPublished() throws Exception {
        String erasedPhone = phone();
        UUID erased = UUID.randomUUID();
        registered(customer(erased, 1, null, erasedPhone, p -> p.put("preferredChannel", "sms")));
        ObjectNode erasure = erasedEvent(erased);
        PUBLISHER.send("customer.events", erasure);
        awaitApplied(erasure);
        String unknown = providerId();
        String ofErased = providerId();
        try (EventStream stream = EventStream.of("notification.events")) {
            signed(INBOUND, reply(unknown, phone(), r -> r.put("text", "Hello?"))).then().statusCode(204);
            signed(INBOUND, reply(ofErased, erasedPhone, r -> r.put("text", "Hello again"))).then().statusCode(204);
            assertEquals(List.of(), replies(stream, unknown, Duration.ofSeconds(2)));
            assertEquals(List.of(), replies(stream, ofErased, Duration.ZERO));
        }
        assertEquals("unmatched", status(unknown));
        assertEquals("unmatched", status(ofErased));
        assertNull(column("customer_id", unknown));
    }

    @Test
    void refusedRepliesChangeNothing() throws Exception {
        String phone = phone();
        registered(customer(UUID.randomUUID(), 1, null, phone, p -> p.put("preferredChannel", "sms")));
        String unsigned = providerId();
        assertProblem(given().contentType(ContentType.JSON).body(reply(unsigned, phone, r -> r.put("text", "hi")))
                .post(INBOUND).then(), 401);
        String wrong = providerId();
        assertProblem(given().contentType(ContentType.JSON).header(CallbackResource.SIGNATURE, signature("{}"))
                .body(reply(wrong, phone, r -> r.put("text", "hi"))).post(INBOUND).then(), 401);
        String noText = providerId();
        assertProblem(signed(INBOUND, reply(noText, phone, r -> { })).then(), 400)
                .body("errors[0].field", equalTo("text"));
        String blank = providerId();
        assertProblem(signed(INBOUND, reply(blank, phone, r -> r.put("text", "   "))).then(), 400)
                .body("errors[0].field", equalTo("text"));
        String badFrom = providerId();
        assertProblem(signed(INBOUND, reply(badFrom, "07700 900123", r -> r.put("text", "hi"))).then(), 400)
                .body("errors[0].field", equalTo("from"));
        String tooLong = providerId();
        assertProblem(signed(INBOUND, reply(tooLong, phone, r -> r.put("text", "x".repeat(1601)))).then(), 400)
                .body("errors[0].field", equalTo("text"));
        String badAt = providerId();
        assertProblem(signed(INBOUND, reply(badAt, phone, r -> r.put("text", "hi").put("at", "yesterday"))).then(), 400)
                .body("errors[0].field", equalTo("at"));
        String noOffset = providerId();
        assertProblem(signed(INBOUND, reply(noOffset, phone, r -> r.put("text", "hi").put("at", "2026-12-02T18:00:00")))
                .then(), 400).body("errors[0].field", equalTo("at"));
        String nul = providerId();
        assertProblem(signed(INBOUND, reply(nul, phone, r -> r.put("text", "a\u0000b"))).then(), 400);
        String unknownField = providerId();
        assertProblem(signed(INBOUND, reply(unknownField, phone, r -> r.put("text", "hi").put("number", phone)))
                .then(), 400)
                .body("errors[0].field", equalTo("number"));
        assertProblem(signed(INBOUND, reply("has space", phone, r -> r.put("text", "hi"))).then(), 400)
                .body("errors[0].field", equalTo("id"));
        assertProblem(signed(INBOUND, "{\"from\": \"" + phone + "\", \"text\": \"hi\"}").then(), 400)
                .body("errors[0].field", equalTo("id"));

        for (String id : List.of(unsigned, wrong, noText, blank, badFrom, tooLong, badAt, noOffset, nul, unknownField,
                "has space")) {
            assertNull(status(id), id + " left a row");
        }
        // the longest text is taken: 1600 characters, here each two UTF-16 units
        String longest = providerId();
        signed(INBOUND, reply(longest, phone, r -> r.put("text", "\uD83D\uDE00".repeat(1600)))).then().statusCode(204);
        assertEquals("published", status(longest));
    }

    private static String reply(String id, String from, Consumer<ObjectNode> fields) {
        ObjectNode body = MAPPER.createObjectNode().put("id", id).put("from", from);
        fields.accept(body);
        return body.toString();
    }

    /** A number no other customer of the run has (the shared fixtures' numbers are only 5 random digits apart). */
    static String phone() {
        return "+4479" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    private static String providerId() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String status(String providerId) throws SQLException {
        return column("status", providerId);
    }

    static String column(String name, String providerId) throws SQLException {
        return Replicas.value("select " + name + " from inbound_sms where provider_id = ?", providerId);
    }

    static List<ConsumerRecord<String, String>> awaitReplies(EventStream stream, String providerId) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(1))
                .until(() -> replies(stream, providerId, Duration.ofMillis(200)), found -> !found.isEmpty());
    }

    /** The reply-received events about the provider's message among all that arrived, after listening a while. */
    static List<ConsumerRecord<String, String>> replies(EventStream stream, String providerId,
                                                                Duration window) {
        stream.during("", window); // the reply's key is new to us: read everything
        return stream.records().stream().filter(r -> {
            JsonNode event = parse(r.value());
            return "notification.reply-received".equals(event.path("type").asText())
                    && providerId.equals(event.path("data").path("reply").path("providerMessageId").asText());
        }).toList();
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
