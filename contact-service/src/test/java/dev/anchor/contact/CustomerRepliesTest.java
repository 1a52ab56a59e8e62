package dev.anchor.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.contact.domain.CustomerReplies;
import dev.anchor.contact.domain.InboundMessage;
import dev.anchor.contact.domain.ReceivedMail;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static dev.anchor.contact.ContactFixtures.AGENT;
import static dev.anchor.contact.ContactFixtures.PARTNER;
import static dev.anchor.contact.ContactFixtures.SUPERVISOR;
import static dev.anchor.contact.ContactFixtures.as;
import static dev.anchor.contact.ContactFixtures.newCustomerId;
import static dev.anchor.contact.Upstream.awaitApplied;
import static dev.anchor.contact.Upstream.change;
import static dev.anchor.contact.Upstream.customerChanged;
import static dev.anchor.contact.Upstream.customerState;
import static dev.anchor.contact.Upstream.issueEvent;
import static dev.anchor.contact.Upstream.issueNumber;
import static dev.anchor.contact.Upstream.issueState;
import static dev.anchor.contact.Upstream.notificationEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Customers write back. By email, through a real GreenMail ({@link MailboxServer}): SMTP in, read by
 * contact-service over IMAP; a reply to the Reply-To of one of our emails is one contact on its
 * issue, however often it arrives; machines' mail and strangers' mail make none. By SMS, as notification-service
 * tells of one (notification.reply-received).
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MailboxServer.class)
class CustomerRepliesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MAILBOX = "care-test@anchor.local";

    @Inject
    AgroalDataSource db;
    @Inject
    CustomerReplies replies;

    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    private Upstream.Publisher publisher;
    private EventStream stream;

    @BeforeEach
    void connect() {
        publisher = new Upstream.Publisher();
        stream = EventStream.of("contact.events");
    }

    @AfterEach
    void close() {
        publisher.close();
        stream.close();
    }

    @Test
    void aReplyIsTheCustomersContactOnItsIssueOnceAndMachinesAndStrangersMakeNone() throws Exception {
        String customer = newCustomerId();
        String issue = UUID.randomUUID().toString();
        String replyTo = sentAnEmailAbout(customer, issue);
        String words = "It still drops every evening at eight.";

        MimeMessage reply = mail("ada@example.com", replyTo, "Re: Your issue " + customer,
                words + "\n\nOn 2 Dec 2026, at 10:14, Anchor <care@anchor.local> wrote:\n> We have opened your issue.\n");
        send(reply);
        send(reply); // the same message delivered twice (same Message-ID)
        send(mail("ada@example.com", replyTo, "Re: Re: Your issue " + customer, words)); // and written twice
        MimeMessage away = mail("ada@example.com", replyTo, "Out of office " + customer, "I am away until Monday.");
        away.setHeader("Auto-Submitted", "auto-replied");
        send(away);
        send(mail("stranger@example.com", MAILBOX, "Hello " + customer, "Do you repair toasters?"));

        // the stranger's mail was sent last: once it waits for staff, everything before it was read
        Awaitility.await().atMost(WAIT).until(() -> unmatched(customer) == 1);
        as(AGENT).get("/customers/{id}/contacts", customer).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].issueId", equalTo(issue))
                .body("items[0].channel", equalTo("email"))
                .body("items[0].direction", equalTo("inbound"))
                .body("items[0].summary", equalTo(words));
        String contactId = as(AGENT).get("/customers/{id}/contacts", customer).path("items[0].id");
        List<JsonNode> logged = stream.await(contactId, 1, WAIT);
        JsonNode contact = logged.get(0).path("data").path("contact");
        EventSchemas.assertValid(logged.get(0));
        assertEquals("contact.logged", logged.get(0).path("type").asText());
        assertEquals("customer-reply", contact.path("origin").asText());
        assertEquals(words, contact.path("summary").asText(), "the quoted history is not the customer's words");
        assertFalse(contact.has("agentId"), "no agent logged it");
        assertEquals(List.of("contact.logged"), EventStream.types(stream.during(contactId, Duration.ofSeconds(1))));

        as(SUPERVISOR).queryParam("status", "ignored").queryParam("size", 100).get("/inbound-messages").then()
                .statusCode(200)
                .body("items.find { it.subject == 'Re: Re: Your issue " + customer + "' }.reason", equalTo("repeated"))
                .body("items.find { it.subject == 'Out of office " + customer + "' }.reason", equalTo("auto-submitted"))
                .body("items.find { it.subject == 'Out of office " + customer + "' }.text", equalTo(null));
        as(AGENT).queryParam("status", "matched").queryParam("size", 100).get("/inbound-messages").then()
                .statusCode(200)
                .body("items.find { it.contactId == '" + contactId + "' }.original", containsString("> We have opened"))
                .body("items.find { it.contactId == '" + contactId + "' }.sender", equalTo("ada@example.com"));

        // staff put the stranger's mail on the issue: the customer's words there, once
        String stranger = as(AGENT).queryParam("size", 100).get("/inbound-messages").then().statusCode(200)
                .extract().path("items.find { it.subject == 'Hello " + customer + "' }.id");
        as(PARTNER).body(Map.of("issueId", issue)).post("/inbound-messages/{id}/assignment", stranger).then()
                .statusCode(403);
        as(AGENT).body("{}").post("/inbound-messages/{id}/assignment", stranger).then().statusCode(400)
                .contentType("application/problem+json");
        as(AGENT).body(Map.of("issueId", UUID.randomUUID().toString()))
                .post("/inbound-messages/{id}/assignment", stranger).then().statusCode(404);
        as(AGENT).body(Map.of("issueId", issue)).post("/inbound-messages/{id}/assignment", stranger).then()
                .statusCode(200).body("status", equalTo("matched")).body("issueId", equalTo(issue))
                .body("customerId", equalTo(customer)).body("reason", equalTo("assigned by agent.alice"));
        as(AGENT).body(Map.of("issueId", issue)).post("/inbound-messages/{id}/assignment", stranger).then()
                .statusCode(409).contentType("application/problem+json");
        as(AGENT).get("/customers/{id}/contacts", customer).then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void aKnownCustomersEmailToTheOrganisationAsksForOneIssue() throws Exception {
        String customer = newCustomerId();
        String address = "mary." + customer + "@example.com";
        ObjectNode state = customerState(customer, 0, "Mary", "Somerville", "Edinburgh", "email");
        // the address as customer-service keeps it, in another case than the one she writes from
        ((ObjectNode) state.path("emails").get(0)).put("address", "Mary." + customer + "@Example.COM");
        ObjectNode registered = customerChanged("customer.registered", state);
        publisher.send("customer.events", registered);
        awaitApplied(db, registered);
        String words = "The washing machine leaks from the door seal.";

        MimeMessage asking = mail(address, MAILBOX, "Fwd: Washing machine leaking " + customer,
                words + "\n\n-- \nMary Somerville\n07700 900123\n");
        send(asking);
        send(asking); // delivered twice
        send(mail(address, MAILBOX, "Washing machine leaking " + customer, words)); // and written twice
        MimeMessage away = mail(address, MAILBOX, "Automatic reply " + customer, "I am away until Monday.");
        away.setHeader("Auto-Submitted", "auto-replied");
        send(away);
        send(mail("nobody." + customer + "@example.com", MAILBOX, "Hello " + customer, "Do you repair toasters?"));

        Awaitility.await().atMost(WAIT).until(() -> unmatched(customer) == 1);
        as(AGENT).get("/customers/{id}/contacts", customer).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].issueId", equalTo(null))
                .body("items[0].channel", equalTo("email"))
                .body("items[0].direction", equalTo("inbound"))
                .body("items[0].summary", equalTo(words));
        String contactId = as(AGENT).get("/customers/{id}/contacts", customer).path("items[0].id");
        JsonNode logged = stream.await(contactId, 1, WAIT).get(0);
        EventSchemas.assertValid(logged);
        JsonNode contact = logged.path("data").path("contact");
        assertEquals("customer-email", contact.path("origin").asText(), "it asks issue-service for a new issue");
        assertEquals("Fwd: Washing machine leaking " + customer, contact.path("subject").asText());
        assertFalse(contact.has("issueId"));
        assertEquals(List.of("contact.logged"), EventStream.types(stream.during(contactId, Duration.ofSeconds(1))));
        as(AGENT).queryParam("status", "matched").queryParam("size", 100).get("/inbound-messages").then().statusCode(200)
                .body("items.find { it.contactId == '" + contactId + "' }.reason", equalTo("new-issue"));
        as(AGENT).queryParam("status", "ignored").queryParam("size", 100).get("/inbound-messages").then().statusCode(200)
                .body("items.find { it.subject == 'Washing machine leaking " + customer + "' }.reason", equalTo("repeated"))
                .body("items.find { it.subject == 'Automatic reply " + customer + "' }.reason", equalTo("auto-submitted"));
        as(AGENT).queryParam("size", 100).get("/inbound-messages").then().statusCode(200)
                .body("items.find { it.subject == 'Hello " + customer + "' }.reason", equalTo("unknown-sender"));

        // issue-service opened it: the email and its message are on the new issue
        String issue = UUID.randomUUID().toString();
        ObjectNode opened = issueEvent("issue.opened", issueState(issue, customer, issueNumber(customer),
                "Washing machine leaking", "open", 0, null, null, null),
                Upstream.openedChange().put("fromContactId", contactId), "email", now);
        publisher.send("issue.events", opened);
        awaitApplied(db, opened);
        as(AGENT).get("/contacts/{id}", contactId).then().statusCode(200).body("issueId", equalTo(issue))
                .body("amended", equalTo(false)).body("version", equalTo(0));
        as(AGENT).get("/customers/{id}/timeline", customer).then().statusCode(200)
                .body("items.find { it.type == 'contact.logged' }.issueId", equalTo(issue));
        as(AGENT).queryParam("status", "matched").queryParam("size", 100).get("/inbound-messages").then().statusCode(200)
                .body("items.find { it.contactId == '" + contactId + "' }.issueId", equalTo(issue));
    }

    @Test
    void anAddressTwoCustomersShareOpensNothing() throws Exception {
        String address = "family." + UUID.randomUUID() + "@example.com";
        String first = newCustomerId();
        String second = newCustomerId();
        for (String customer : List.of(first, second)) {
            ObjectNode state = customerState(customer, 0, "Kim", "Family", "Leeds", "email");
            ((ObjectNode) state.path("emails").get(0)).put("address", address);
            ObjectNode registered = customerChanged("customer.registered", state);
            publisher.send("customer.events", registered);
            awaitApplied(db, registered);
        }
        ObjectNode erased = Upstream.customerErased(first);
        publisher.send("customer.events", erased);
        awaitApplied(db, erased);
        // the first record is erased: the address is the second's alone now
        send(mail(address, MAILBOX, "Broken kettle " + second, "It does not switch off."));
        Awaitility.await().atMost(WAIT).until(() -> as(AGENT).get("/customers/{id}/contacts", second)
                .<Integer>path("total") == 1);

        ObjectNode other = customerState(newCustomerId(), 0, "Lee", "Family", "Leeds", "email");
        ((ObjectNode) other.path("emails").get(0)).put("address", address);
        ObjectNode registered = customerChanged("customer.registered", other);
        publisher.send("customer.events", registered);
        awaitApplied(db, registered);
        send(mail(address, MAILBOX, "Hello " + second, "Which of us is this for?"));
        Awaitility.await().atMost(WAIT).until(() -> unmatched(second) == 1);
        as(AGENT).queryParam("size", 100).get("/inbound-messages").then().statusCode(200)
                .body("items.find { it.subject == 'Hello " + second + "' }.reason", equalTo("several-customers"));
        assertEquals(0, Upstream.count(db, "select count(*) from customer_email where customer_id = ?::uuid", first),
                "an erased customer's address is forgotten");
    }

    @Test
    void anSmsReplyIsTheCustomersContactOnItsIssueOnce() {
        String customer = newCustomerId();
        String issue = UUID.randomUUID().toString();
        sentAnEmailAbout(customer, issue);
        String provider = "sms-" + UUID.randomUUID();
        ObjectNode first = smsReply(customer, issue, provider, "Yes, Thursday at 10 suits me");
        publisher.send("notification.events", first);
        publisher.send("notification.events", smsReply(customer, issue, provider, "Yes, Thursday at 10 suits me"));
        ObjectNode withoutIssue = smsReply(customer, null, "sms-" + UUID.randomUUID(), "Who is this?");
        publisher.send("notification.events", withoutIssue);
        awaitApplied(db, withoutIssue);
        as(AGENT).get("/customers/{id}/contacts", customer).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].channel", equalTo("sms"))
                .body("items[0].issueId", equalTo(issue))
                .body("items[0].summary", equalTo("Yes, Thursday at 10 suits me"));
        String contactId = as(AGENT).get("/customers/{id}/contacts", customer).path("items[0].id");
        JsonNode logged = stream.await(contactId, 1, WAIT).get(0);
        EventSchemas.assertValid(logged);
        assertEquals("customer-reply", logged.path("data").path("contact").path("origin").asText());
        as(AGENT).queryParam("size", 100).get("/inbound-messages").then().statusCode(200)
                .body("items.find { it.customerId == '" + customer + "' }.text", equalTo("Who is this?"))
                .body("items.find { it.customerId == '" + customer + "' }.channel", equalTo("sms"));
    }

    @Test
    void erasureLeavesNoneOfTheRepliesWordsAndNoRoute() throws Exception {
        String customer = newCustomerId();
        String issue = UUID.randomUUID().toString();
        String replyTo = sentAnEmailAbout(customer, issue);
        send(mail("grace@example.com", replyTo, "Re: erased " + customer, "My number is 07700 900123"));
        Awaitility.await().atMost(WAIT).until(() -> Upstream.count(db,
                "select count(*) from inbound_message where customer_id = ?::uuid", customer) == 1);
        ObjectNode erased = Upstream.customerErased(customer);
        publisher.send("customer.events", erased);
        awaitApplied(db, erased);
        assertEquals(0, Upstream.count(db, """
                select count(*) from inbound_message where customer_id = ?::uuid
                and (text is not null or original is not null or sender is not null or subject is not null)""", customer));
        assertEquals(0, Upstream.count(db, "select count(*) from reply_route where customer_id = ?::uuid", customer));
        // a reply arriving after the erasure keeps nothing of it either
        send(mail("grace@example.com", replyTo, "Re: late " + customer, "Still there?"));
        Awaitility.await().atMost(WAIT).until(() -> unmatchedWithSubject("Re: late " + customer) == 1);
    }

    /** notification.reply-received as notification-service publishes it: who and which issue, never the number. */
    private static ObjectNode smsReply(String customer, String issue, String providerId, String text) {
        ObjectNode reply = Upstream.MAPPER.createObjectNode();
        reply.put("id", UUID.randomUUID().toString());
        reply.put("customerId", customer);
        if (issue != null) {
            reply.put("issueId", issue);
        }
        reply.put("channel", "sms");
        reply.put("text", text);
        reply.put("receivedAt", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5).toString());
        reply.put("providerMessageId", providerId);
        ObjectNode data = Upstream.MAPPER.createObjectNode();
        data.set("reply", reply);
        return EventPublisher.event(Upstream.NOTIFICATION_SOURCE, "notification.reply-received", reply.path("id").asText(),
                data);
    }

    @Test
    void aMessageTakenIsNotTakenAgainAfterARestartOrARenumberedMailbox() {
        String box = "restart-" + UUID.randomUUID();
        ReceivedMail mail = new ReceivedMail("<" + UUID.randomUUID() + "@mail.example>", "nobody@example.com",
                List.of("care@anchor.local"), "Question", "Is my router ready?", null, "text/plain", Map.of(), now);
        assertEquals(InboundMessage.Status.unmatched, replies.take(box, 7, 1, mail));
        // read again after a restart from the stored cursor: UID 1 is behind it
        assertEquals(1, replies.readAfter(box, 7));
        assertNull(replies.take(box, 7, 1, mail));
        // the server renumbered the mailbox (a new UIDVALIDITY): everything is read again, the Message-ID stops it
        ReceivedMail later = new ReceivedMail("<" + UUID.randomUUID() + "@mail.example>", "nobody@example.com",
                List.of("care@anchor.local"), "Later", "And the cable?", null, "text/plain", Map.of(), now);
        assertEquals(InboundMessage.Status.unmatched, replies.take(box, 7, 40, later));
        assertEquals(0, replies.readAfter(box, 8));
        assertNull(replies.take(box, 8, 1, mail));
        // the cursor starts again at the new numbering, not at the old one's 40
        assertEquals(1, replies.readAfter(box, 8));
    }

    @Test
    void onlyStaffReadTheMailboxAndBadInputIsRefused() {
        given().get("/inbound-messages").then().statusCode(401);
        as(PARTNER).get("/inbound-messages").then().statusCode(403);
        as(AGENT).queryParam("status", "zombie").get("/inbound-messages").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("status"));
        as(AGENT).queryParam("size", "1000").get("/inbound-messages").then().statusCode(400)
                .contentType("application/problem+json");
        as(AGENT).queryParam("status", "unmatched\u0000").get("/inbound-messages").then().statusCode(400);
    }

    /** Tells contact-service, as notification-service does, that an email about the issue went out; its Reply-To. */
    private String sentAnEmailAbout(String customer, String issue) {
        publisher.send("customer.events", customerChanged("customer.registered",
                customerState(customer, 0, "Ada", "Lovelace", "London", "email")));
        publisher.send("issue.events", issueEvent("issue.opened", issueState(issue, customer, issueNumber(customer),
                "Router drops connection", "open", 0, null, null, null), Upstream.openedChange(), "phone",
                now.minusMinutes(5)));
        String replyTo = "care-test+" + token() + "@anchor.local";
        ObjectNode sent = notificationEvent("notification.sent", UUID.randomUUID().toString(), customer, issue,
                "email", "sent", "We have opened your issue", now.minusMinutes(4));
        ((ObjectNode) sent.path("data").path("notification")).put("replyTo", replyTo);
        publisher.send("notification.events", sent);
        awaitApplied(db, sent);
        return replyTo;
    }

    private long unmatched(String customer) {
        return unmatchedWithSubject("Hello " + customer);
    }

    private long unmatchedWithSubject(String subject) {
        List<String> subjects = as(AGENT).queryParam("size", 100).get("/inbound-messages").then().statusCode(200)
                .extract().path("items.subject");
        return subjects.stream().filter(subject::equals).count();
    }

    /** A token as notification-service makes one: 42 base32 characters. */
    private static String token() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 42; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private static Session smtp() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(MailboxServer.smtpPort));
        return Session.getInstance(properties);
    }

    private static MimeMessage mail(String from, String to, String subject, String text) throws MessagingException {
        MimeMessage message = new MimeMessage(smtp());
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** Sends the message as it is: Transport.send would give it a new Message-ID each time. */
    private static void send(MimeMessage message) throws MessagingException {
        try (Transport transport = smtp().getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
