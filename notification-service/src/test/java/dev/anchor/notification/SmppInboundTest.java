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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
    private static final int ESME_RX_P_APPN = 0x65;
    /** esm_class of a customer's SMS whose user data starts with a header (UDHI). */
    private static final byte MO_WITH_HEADER = 0x40;

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
        assertEquals(ESME_RX_P_APPN, TestSmsc.deliver(phone().substring(1), "Anchor", MO, (byte) 0x04,
                new byte[]{1, 2, 3}, new OptionalParameter.Receipted_message_id(smscId)));
        // a sender that is no number
        assertEquals(ESME_RX_P_APPN, TestSmsc.deliver("Acme", "Anchor", MO, GSM, SmsSegments.gsmEncode("hi"),
                new OptionalParameter.Receipted_message_id(smscId)));
        // a receipt that says nothing
        assertEquals(ESME_RX_P_APPN, TestSmsc.deliver(phone().substring(1), "Anchor", RECEIPT, GSM,
                "delivered".getBytes(StandardCharsets.US_ASCII)));
        assertNull(column("status", "smpp:" + smscId));
        // a part that is no part: segment 4 of 3, and a reference without the other SAR parameters
        assertEquals(ESME_RX_P_APPN, TestSmsc.deliver(phone().substring(1), "Anchor", MO, GSM,
                SmsSegments.gsmEncode("hi"), sar(7, 3, 4)));
        assertEquals(ESME_RX_P_APPN, TestSmsc.deliver(phone().substring(1), "Anchor", MO, GSM,
                SmsSegments.gsmEncode("hi"), new OptionalParameter.Sar_msg_ref_num((short) 7)));
    }

    @Test
    void aReplyInThreeHeaderPartsArrivingOutOfOrderLandsOnceAsTheWholeText() throws Exception {
        String phone = phone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));
        awaitNotifications(issueId, 1, "sent");
        String[] words = {"The router still drops the connection every evening at about eight, and then again ",
                "around ten; the lights on the front go orange for a minute and then come back green. ",
                "I have tried another cable and another socket. Tuesday morning suits me for the engineer."};
        String[] ids = {smscId(), smscId(), smscId()};
        int reference = ThreadLocalRandom.current().nextInt(256);
        try (EventStream stream = EventStream.of("notification.events")) {
            assertEquals(0, deliverWithHeader(phone, udh8(reference, 3, 3), words[2], ids[2]));
            assertEquals(0, deliverWithHeader(phone, udh8(reference, 3, 1), words[0], ids[0]));
            assertEquals(List.of(), repliesOf(stream, customerId, Duration.ofSeconds(1)), "no reply before all parts");
            assertEquals("2", waitingParts(phone), "the parts that arrived are stored");

            assertEquals(0, deliverWithHeader(phone, udh8(reference, 3, 2), words[1], ids[1]));
            List<JsonNode> ofHers = awaitRepliesOf(stream, customerId);
            assertEquals(1, repliesOf(stream, customerId, Duration.ofSeconds(2)).size());
            EventSchemas.assertValid(ofHers.get(0));
            JsonNode reply = ofHers.get(0).path("data").path("reply");
            assertEquals(String.join("", words), reply.path("text").asText());
            assertEquals(issueId.toString(), reply.path("issueId").asText());
            assertEquals("smpp:" + ids[0], reply.path("providerMessageId").asText(), "the first part's id");
        }
        assertEquals("published", column("status", "smpp:" + ids[0]));
        assertEquals("0", waitingParts(phone), "joined parts keep neither text nor number");
    }

    @Test
    void aUcs2ReplyInSarPartsLandsOnceAsTheWholeText() throws Exception {
        String phone = phone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        String[] words = {"Danke ✓ — Dienstag um 10 Uhr passt mir gut, bitte ruft ",
                "vorher kurz an. Grüße aus Köln, Ada ✓"};
        int reference = 0xBEEF; // beyond 8 bits: sar_msg_ref_num is a 16-bit reference
        try (EventStream stream = EventStream.of("notification.events")) {
            assertEquals(0, TestSmsc.deliver(phone.substring(1), "Anchor", MO, UCS2,
                    words[1].getBytes(StandardCharsets.UTF_16BE), sar(reference, 2, 2)));
            assertEquals(List.of(), repliesOf(stream, customerId, Duration.ofSeconds(1)), "no reply before all parts");
            assertEquals(0, TestSmsc.deliver(phone.substring(1), "Anchor", MO, UCS2,
                    words[0].getBytes(StandardCharsets.UTF_16BE), sar(reference, 2, 1)));
            List<JsonNode> ofHers = awaitRepliesOf(stream, customerId);
            assertEquals(1, repliesOf(stream, customerId, Duration.ofSeconds(2)).size());
            JsonNode reply = ofHers.get(0).path("data").path("reply");
            assertEquals(words[0] + words[1], reply.path("text").asText());
            assertTrue(reply.path("providerMessageId").asText().startsWith("smpp-"));
        }
        assertEquals("0", waitingParts(phone));
    }

    @Test
    void aPartDeliveredTwiceIsJoinedOnce() throws Exception {
        String phone = phone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        String[] words = {"Please send the engineer on Thursday, ", "not on Friday: I am away on Friday."};
        int reference = 0x1234; // a 16-bit reference in the header (IEI 0x08)
        try (EventStream stream = EventStream.of("notification.events")) {
            assertEquals(0, deliverWithHeader(phone, udh16(reference, 2, 1), words[0], null));
            // the SMSC did not hear our answer and delivers it again
            assertEquals(0, deliverWithHeader(phone, udh16(reference, 2, 1), words[0], null));
            assertEquals("1", waitingParts(phone), "a part delivered twice is stored once");
            assertEquals(0, deliverWithHeader(phone, udh16(reference, 2, 2), words[1], null));
            awaitRepliesOf(stream, customerId);
            // and the last part again, after the message went
            assertEquals(0, deliverWithHeader(phone, udh16(reference, 2, 2), words[1], null));
            List<JsonNode> ofHers = repliesOf(stream, customerId, Duration.ofSeconds(3));
            assertEquals(1, ofHers.size(), "one reply: " + ofHers);
            assertEquals(words[0] + words[1], ofHers.get(0).path("data").path("reply").path("text").asText());
        }
        assertEquals("0", waitingParts(phone), "a part delivered after its message went waits for nothing");
    }

    @Test
    void partsAreKeptInTheDatabaseSoANewSessionCompletesTheMessage() throws Exception {
        String phone = phone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        int reference = ThreadLocalRandom.current().nextInt(256);
        try (EventStream stream = EventStream.of("notification.events")) {
            assertEquals(0, deliverWithHeader(phone, udh8(reference, 2, 1), "First half, ", null));
            assertEquals("First half, ", Replicas.value(
                    "select text from sms_part where sender_key = ? and joined_at is null", senderKey(phone)));
            // the session goes (as it does when the service restarts): what was acknowledged is in PostgreSQL
            TestSmsc.dropSessions();
            assertEquals(0, deliverWithHeader(phone, udh8(reference, 2, 2), "second half.", null));
            List<JsonNode> ofHers = awaitRepliesOf(stream, customerId);
            assertEquals("First half, second half.", ofHers.get(0).path("data").path("reply").path("text").asText());
        }
    }

    @Test
    void partsThatWaitedTooLongGoAsWhatArrivedWithTheGapMarked() throws Exception {
        String phone = phone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        int reference = ThreadLocalRandom.current().nextInt(256);
        try (EventStream stream = EventStream.of("notification.events")) {
            assertEquals(0, deliverWithHeader(phone, udh8(reference, 3, 3), "call me after five.", null));
            assertEquals(0, deliverWithHeader(phone, udh8(reference, 3, 1), "The engineer did not come,", null));
            assertEquals(List.of(), repliesOf(stream, customerId, Duration.ofSeconds(2)), "still waiting for part 2");
            // part 2 never comes: a day passes (anchor.sms.smpp.part-timeout PT24H)
            Replicas.update("update sms_part set received_at = received_at - interval '25 hours' where sender_key = ?",
                    senderKey(phone));
            List<JsonNode> ofHers = awaitRepliesOf(stream, customerId);
            assertEquals("The engineer did not come, … call me after five.",
                    ofHers.get(0).path("data").path("reply").path("text").asText());
            assertEquals(1, repliesOf(stream, customerId, Duration.ofSeconds(2)).size());
        }
        assertEquals("0", waitingParts(phone));
    }

    @Test
    void anErasureDeletesTheCustomersWaitingParts() throws Exception {
        String phone = phone();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms")));
        assertEquals(0, deliverWithHeader(phone, udh8(9, 2, 1), "My new address is 1 Difference Lane", null));
        assertEquals("1", waitingParts(phone));
        var erased = erasedEvent(customerId);
        PUBLISHER.send("customer.events", erased);
        awaitApplied(erased);
        assertEquals("0", Replicas.value("select count(*) from sms_part where sender_key = ?", senderKey(phone)));
    }

    private static int deliverWithHeader(String phone, byte[] header, String text, String smscId) throws Exception {
        byte[] words = SmsSegments.gsmEncode(text);
        byte[] data = new byte[header.length + words.length];
        System.arraycopy(header, 0, data, 0, header.length);
        System.arraycopy(words, 0, data, header.length, words.length);
        OptionalParameter[] id = smscId == null ? new OptionalParameter[0]
                : new OptionalParameter[]{new OptionalParameter.Receipted_message_id(smscId)};
        return TestSmsc.deliver(phone.substring(1), "Anchor", MO_WITH_HEADER, GSM, data, id);
    }

    /** A user data header with the concatenation element of an 8-bit reference (IEI 0x00). */
    private static byte[] udh8(int reference, int total, int segment) {
        return new byte[]{5, 0x00, 3, (byte) reference, (byte) total, (byte) segment};
    }

    /** A user data header with the concatenation element of a 16-bit reference (IEI 0x08). */
    private static byte[] udh16(int reference, int total, int segment) {
        return new byte[]{6, 0x08, 4, (byte) (reference >> 8), (byte) reference, (byte) total, (byte) segment};
    }

    private static OptionalParameter[] sar(int reference, int total, int segment) {
        return new OptionalParameter[]{new OptionalParameter.Sar_msg_ref_num((short) reference),
                new OptionalParameter.Sar_total_segments((byte) total),
                new OptionalParameter.Sar_segment_seqnum((byte) segment)};
    }

    private static String smscId() {
        return "MO" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** How many parts from the number wait, holding text, for the rest of their message. */
    private static String waitingParts(String phone) throws Exception {
        return Replicas.value("select count(*) from sms_part where sender_key = ? and text is not null",
                senderKey(phone));
    }

    private static String senderKey(String phone) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(phone.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<JsonNode> awaitRepliesOf(EventStream stream, UUID customerId) {
        return Awaitility.await().atMost(WAIT)
                .until(() -> repliesOf(stream, customerId, Duration.ofMillis(200)), found -> !found.isEmpty());
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
