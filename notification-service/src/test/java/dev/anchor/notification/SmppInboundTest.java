package dev.anchor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.notification.domain.SmsSegments;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.anchor.notification.Fixtures.WAIT;
import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.number;
import static dev.anchor.notification.Fixtures.opened;
import static dev.anchor.notification.Fixtures.registered;
import static dev.anchor.notification.Fixtures.sendIssue;
import static dev.anchor.notification.InboundSmsTest.awaitReplies;
import static dev.anchor.notification.InboundSmsTest.column;
import static dev.anchor.notification.InboundSmsTest.parse;
import static dev.anchor.notification.InboundSmsTest.phone;
import static dev.anchor.notification.InboundSmsTest.replies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Customers' SMS and delivery receipts arriving by deliver_sm from a real SMSC (jsmpp, in the test JVM) on the
 * service's transceiver session: a reply takes the webhook's path, once, and is acknowledged only once stored.
 */
@QuarkusTest
@TestProfile(SmppTest.SmppFirst.class)
class SmppInboundTest {

    private static final byte MO = 0x00;
    private static final byte RECEIPT = 0x04;
    private static final byte GSM = 0x00;
    private static final byte UCS2 = 0x08;
    private static final int ESME_RX_T_APPN = 0x64;
    private static final int ESME_RX_R_APPN = 0x65;

    @BeforeEach
    void providersUp() {
        Fixtures.smsProviderAccepts();
        TestSmsc.failing = false;
    }

    @Test
    void aReplyLandsOnceOnTheIssueOfHerLastSmsEvenWhenDeliveredTwice() throws Exception {
        String phone = phone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));
        awaitNotifications(issueId, 1, "sent");

        String smscId = "MO" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        byte[] words = SmsSegments.gsmEncode("Yes, Tuesday at 10 suits me [thanks]");
        try (EventStream stream = EventStream.of("notification.events")) {
            assertEquals(0, TestSmsc.deliver(phone.substring(1), "Anchor", MO, GSM, words,
                    new OptionalParameter.Receipted_message_id(smscId)));
            // the SMSC did not hear our answer and delivers it again
            assertEquals(0, TestSmsc.deliver(phone.substring(1), "Anchor", MO, GSM, words,
                    new OptionalParameter.Receipted_message_id(smscId)));
            List<ConsumerRecord<String, String>> records = awaitReplies(stream, "smpp:" + smscId);
            assertEquals(1, replies(stream, "smpp:" + smscId, Duration.ofSeconds(2)).size());
            JsonNode event = parse(records.get(0).value());
            EventSchemas.assertValid(event);
            JsonNode reply = event.path("data").path("reply");
            assertEquals(customerId.toString(), reply.path("customerId").asText());
            assertEquals(issueId.toString(), reply.path("issueId").asText());
            assertEquals("sms", reply.path("channel").asText());
            assertEquals("Yes, Tuesday at 10 suits me [thanks]", reply.path("text").asText());
            assertFalse(records.get(0).value().contains(phone.substring(1)), "the event carries the number");
        }
        assertEquals("published", column("status", "smpp:" + smscId));
    }

    @Test
    void aUcs2ReplyInTheMessagePayloadWithoutAnSmscIdLandsOnce() throws Exception {
        String phone = phone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        String text = "Danke ✓ — Dienstag passt. " + "Bitte vorher anrufen. ".repeat(8);
        byte[] payload = text.getBytes(StandardCharsets.UTF_16BE);
        assertTrue(payload.length > 254, "longer than one short_message");
        try (EventStream stream = EventStream.of("notification.events")) {
            assertEquals(0, TestSmsc.deliver(phone.substring(1), "Anchor", MO, UCS2, new byte[0],
                    new OptionalParameter.Message_payload(payload)));
            assertEquals(0, TestSmsc.deliver(phone.substring(1), "Anchor", MO, UCS2, new byte[0],
                    new OptionalParameter.Message_payload(payload)));
            List<JsonNode> ofHers = Awaitility.await().atMost(WAIT)
                    .until(() -> repliesOf(stream, customerId, Duration.ofMillis(200)), found -> !found.isEmpty());
            assertEquals(1, repliesOf(stream, customerId, Duration.ofSeconds(2)).size());
            JsonNode reply = ofHers.get(0).path("data").path("reply");
            assertEquals(text, reply.path("text").asText());
            assertFalse(reply.has("issueId"));
            assertTrue(reply.path("providerMessageId").asText().startsWith("smpp-"));
        }
    }

    @Test
    void aReceiptIsTakenAsADeliveryReportNotAsAReply() throws Exception {
        String phone = phone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));
        awaitNotifications(issueId, 1, "sent");
        String messageId = TestSmsc.RECEIVED.stream().filter(r -> r.to().equals(phone.substring(1)))
                .findFirst().orElseThrow().messageId();
        String receipt = "id:" + messageId + " sub:001 dlvrd:001 submit date:2612021800 done date:2612021801 "
                + "stat:DELIVRD err:000 text:Issue";
        try (EventStream stream = EventStream.of("notification.events")) {
            assertEquals(0, TestSmsc.deliver(phone.substring(1), "Anchor", RECEIPT, GSM,
                    receipt.getBytes(StandardCharsets.US_ASCII)));
            assertEquals(0, TestSmsc.deliver(phone.substring(1), "Anchor", RECEIPT, GSM,
                    receipt.getBytes(StandardCharsets.US_ASCII)), "a repeated receipt is taken and changes nothing");
            awaitNotifications(issueId, 1, "delivered");
            assertEquals(List.of(), repliesOf(stream, customerId, Duration.ofSeconds(2)));
        }
        assertNull(Replicas.value("select provider_id from inbound_sms where customer_id = ?", customerId));
        // a receipt for a message we never sent is acknowledged (delivering it again would change nothing)
        assertEquals(0, TestSmsc.deliver(phone.substring(1), "Anchor", RECEIPT, GSM,
                receipt.replace(messageId, "unknown-" + messageId).getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aReplyThatCouldNotBeStoredIsRefusedForNowAndTakenWhenDeliveredAgain() throws Exception {
        String phone = phone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        String smscId = "MO" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        byte[] words = SmsSegments.gsmEncode("Please call me back");
        OptionalParameter id = new OptionalParameter.Receipted_message_id(smscId);
        // the database refuses this one row: a real failure to store it
        Replicas.update("alter table inbound_sms add constraint smpp_test_refuses check (provider_id <> 'smpp:"
                + smscId + "') not valid");
        try (EventStream stream = EventStream.of("notification.events")) {
            try {
                assertEquals(ESME_RX_T_APPN, TestSmsc.deliver(phone.substring(1), "Anchor", MO, GSM, words, id));
            } finally {
                Replicas.update("alter table inbound_sms drop constraint smpp_test_refuses");
            }
            assertNull(column("status", "smpp:" + smscId));
            assertEquals(List.of(), replies(stream, "smpp:" + smscId, Duration.ofSeconds(1)));

            assertEquals(0, TestSmsc.deliver(phone.substring(1), "Anchor", MO, GSM, words, id));
            assertEquals(1, awaitReplies(stream, "smpp:" + smscId).size());
        }
        assertEquals("published", column("status", "smpp:" + smscId));
    }

    @Test
    void whatCanNeverBeTakenIsRefusedForGood() throws Exception {
        String smscId = "MO" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        // 8-bit binary data is no text
        assertEquals(ESME_RX_R_APPN, TestSmsc.deliver(phone().substring(1), "Anchor", MO, (byte) 0x04,
                new byte[]{1, 2, 3}, new OptionalParameter.Receipted_message_id(smscId)));
        // a sender that is no number
        assertEquals(ESME_RX_R_APPN, TestSmsc.deliver("Acme", "Anchor", MO, GSM, SmsSegments.gsmEncode("hi"),
                new OptionalParameter.Receipted_message_id(smscId)));
        // a receipt that says nothing
        assertEquals(ESME_RX_R_APPN, TestSmsc.deliver(phone().substring(1), "Anchor", RECEIPT, GSM,
                "delivered".getBytes(StandardCharsets.US_ASCII)));
        assertNull(column("status", "smpp:" + smscId));
    }

    /** The reply-received events for the customer among all that arrived, after listening a while. */
    private static List<JsonNode> repliesOf(EventStream stream, UUID customerId, Duration window) {
        stream.during("", window);
        return stream.records().stream().map(r -> parse(r.value()))
                .filter(e -> "notification.reply-received".equals(e.path("type").asText())
                        && customerId.toString().equals(e.path("data").path("reply").path("customerId").asText()))
                .toList();
    }
}
