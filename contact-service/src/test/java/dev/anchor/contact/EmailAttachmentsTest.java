package dev.anchor.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.activation.DataHandler;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files customers email us, through a real GreenMail ({@link MailboxServer}, files up to 3 MB there): photos and PDFs
 * recognised by their bytes are kept with the message, published as metadata on contact.logged and downloaded by
 * staff; anything else is refused and keeps no bytes; machines' mail keeps none; an erasure leaves none.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MailboxServer.class)
class EmailAttachmentsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MAILBOX = "care-test@anchor.local";
    private static final String PHOTO_NAME = "Küche, Wasserschaden.jpg";

    @Inject
    AgroalDataSource db;

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
    void aReplysPhotoAndPdfAreKeptOncePublishedWithoutBytesAndDownloadedByStaff() throws Exception {
        String customer = newCustomerId();
        String issue = UUID.randomUUID().toString();
        String replyTo = sentAnEmailAbout(customer, issue);
        byte[] photo = jpeg(2 * 1024 * 1024);
        byte[] pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String words = "Here is the photo of the leak, and the invoice.";

        MimeMessage reply = mail("ada@example.com", replyTo, "Re: leak " + customer, words,
                file(PHOTO_NAME, "image/jpeg", photo), file("invoice.pdf", "application/pdf", pdf));
        send(reply);
        send(reply); // delivered twice: one Message-ID

        Awaitility.await().atMost(WAIT).until(() -> as(AGENT).get("/customers/{id}/contacts", customer)
                .<Integer>path("total") == 1);
        String contactId = as(AGENT).get("/customers/{id}/contacts", customer).path("items[0].id");
        JsonNode logged = stream.await(contactId, 1, WAIT).get(0);
        EventSchemas.assertValid(logged);
        JsonNode contact = logged.path("data").path("contact");
        assertEquals(words, contact.path("summary").asText());
        JsonNode files = contact.path("attachments");
        assertEquals(2, files.size(), files.toString());
        assertEquals(PHOTO_NAME, files.get(0).path("fileName").asText());
        assertEquals("image/jpeg", files.get(0).path("mediaType").asText());
        assertEquals(photo.length, files.get(0).path("size").asLong());
        assertEquals("invoice.pdf", files.get(1).path("fileName").asText());
        assertEquals("application/pdf", files.get(1).path("mediaType").asText());
        assertEquals(pdf.length, files.get(1).path("size").asLong());
        assertFalse(logged.toString().length() > 10_000, "the event carries no bytes");

        String messageId = messageOf(contactId);
        assertEquals(2, Upstream.count(db, "select count(*) from inbound_attachment where inbound_message_id = ?::uuid",
                messageId), "the message delivered twice keeps its files once");
        String photoId = files.get(0).path("id").asText();
        as(SUPERVISOR).queryParam("status", "matched").queryParam("size", 100).get("/inbound-messages").then()
                .statusCode(200)
                .body("items.find { it.id == '" + messageId + "' }.attachments.size()", equalTo(2))
                .body("items.find { it.id == '" + messageId + "' }.attachments[0].id", equalTo(photoId))
                .body("items.find { it.id == '" + messageId + "' }.attachments[0].status", equalTo("kept"))
                .body("items.find { it.id == '" + messageId + "' }.attachments[0].size", equalTo(photo.length));

        Response download = given().auth().oauth2(AGENT).get("/inbound-messages/{id}/attachments/{file}", messageId, photoId);
        assertEquals(200, download.statusCode());
        assertArrayEquals(photo, download.asByteArray(), "the photo as it was sent");
        assertEquals("image/jpeg", download.contentType());
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        String disposition = download.header("Content-Disposition");
        assertTrue(disposition.startsWith("attachment;"), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''K%C3%BCche%2C%20Wasserschaden.jpg"), disposition);

        given().get("/inbound-messages/{id}/attachments/{file}", messageId, photoId).then().statusCode(401);
        given().auth().oauth2(PARTNER).get("/inbound-messages/{id}/attachments/{file}", messageId, photoId).then()
                .statusCode(403);
        given().auth().oauth2(AGENT).get("/inbound-messages/{id}/attachments/{file}", messageId, UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(AGENT).get("/inbound-messages/{id}/attachments/{file}", UUID.randomUUID(), photoId)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.not(containsString("java")));
        given().auth().oauth2(AGENT).get("/inbound-messages/{id}/attachments/{file}", messageId, "../../etc/passwd")
                .then().statusCode(404);
        given().auth().oauth2(AGENT).get("/inbound-messages/{id}/attachments/{file}", "not-a-message", photoId)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPhotoSentWithoutAWordAnswersTooAndAnEmptyReplyDoesNot() throws Exception {
        String customer = newCustomerId();
        String issue = UUID.randomUUID().toString();
        String replyTo = sentAnEmailAbout(customer, issue);
        byte[] photo = jpeg(64 * 1024);

        // only the quoted history and a signature: no words of hers once they are stripped
        String quotedOnly = "\n-- \nAda\n\nOn Tue, 1 Dec 2026, Anchor wrote:\n> Please send us a photo of the fault.";
        send(mail("ada@example.com", replyTo, "Re: photo", quotedOnly, file("fault.jpg", "image/jpeg", photo)));
        send(mail("ada@example.com", replyTo, "Re: nothing", quotedOnly));

        Awaitility.await().atMost(WAIT).until(() -> as(AGENT).get("/customers/{id}/contacts", customer)
                .<Integer>path("total") == 1);
        String contactId = as(AGENT).get("/customers/{id}/contacts", customer).path("items[0].id");
        JsonNode logged = stream.await(contactId, 1, WAIT).get(0);
        EventSchemas.assertValid(logged);
        JsonNode contact = logged.path("data").path("contact");
        assertEquals("customer-reply", contact.path("origin").asText());
        assertTrue(contact.path("summary").isMissingNode() || contact.path("summary").isNull(), contact.toString());
        assertEquals("fault.jpg", contact.at("/attachments/0/fileName").asText());
        assertEquals(photo.length, contact.at("/attachments/0/size").asLong());
        String photoId = contact.at("/attachments/0/id").asText();
        Response download = given().auth().oauth2(AGENT).get("/contacts/{id}/attachments/{file}", contactId, photoId);
        assertEquals(200, download.statusCode());
        assertArrayEquals(photo, download.asByteArray(), "staff download it with the contact, as the issue lists it");
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        given().auth().oauth2(PARTNER).get("/contacts/{id}/attachments/{file}", contactId, photoId).then().statusCode(403);
        given().get("/contacts/{id}/attachments/{file}", contactId, photoId).then().statusCode(401);
        given().auth().oauth2(AGENT).get("/contacts/{id}/attachments/{file}", UUID.randomUUID(), photoId).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(AGENT).get("/contacts/{id}/attachments/{file}", contactId, "x").then().statusCode(404);

        Awaitility.await().atMost(WAIT).until(() -> as(AGENT).queryParam("status", "ignored").queryParam("size", 100)
                .get("/inbound-messages").<List<String>>path("items.findAll { it.subject == 'Re: nothing' }.reason")
                .equals(List.of("no-text")));
        assertEquals(1, (int) as(AGENT).get("/customers/{id}/contacts", customer).<Integer>path("total"),
                "the reply with neither words nor files made no contact");
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysOrTooLargeIsRefusedAndTheWordsStillLand() throws Exception {
        String customer = newCustomerId();
        String issue = UUID.randomUUID().toString();
        String replyTo = sentAnEmailAbout(customer, issue);
        byte[] page = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] program = new byte[4096];
        program[0] = 'M';
        program[1] = 'Z';
        String words = "The photos you asked for.";
        send(mail("ada@example.com", replyTo, "Re: photos " + customer, words,
                file("photo.jpg", "image/jpeg", page), file("invoice.pdf", "application/pdf", program),
                file("big.jpg", "image/jpeg", jpeg(3 * 1024 * 1024 + 10))));

        Awaitility.await().atMost(WAIT).until(() -> as(AGENT).get("/customers/{id}/contacts", customer)
                .<Integer>path("total") == 1);
        String contactId = as(AGENT).get("/customers/{id}/contacts", customer).path("items[0].id");
        JsonNode logged = stream.await(contactId, 1, WAIT).get(0);
        EventSchemas.assertValid(logged);
        assertEquals(words, logged.path("data").path("contact").path("summary").asText(), "her words still land");
        assertFalse(logged.path("data").path("contact").has("attachments"), "nothing was kept");

        String messageId = messageOf(contactId);
        as(AGENT).queryParam("status", "matched").queryParam("size", 100).get("/inbound-messages").then()
                .statusCode(200)
                .body("items.find { it.id == '" + messageId + "' }.attachments.status", equalTo(List.of("refused", "refused", "refused")))
                .body("items.find { it.id == '" + messageId + "' }.attachments.reason",
                        equalTo(List.of("not-allowed-type", "not-allowed-type", "too-large")))
                .body("items.find { it.id == '" + messageId + "' }.attachments[0].fileName", equalTo("photo.jpg"));
        assertEquals(0, Upstream.count(db, "select count(*) from inbound_attachment where inbound_message_id = ?::uuid "
                + "and content is not null", messageId), "refused files keep no bytes");
        String refused = as(AGENT).queryParam("status", "matched").queryParam("size", 100).get("/inbound-messages")
                .path("items.find { it.id == '" + messageId + "' }.attachments[0].id");
        given().auth().oauth2(AGENT).get("/inbound-messages/{id}/attachments/{file}", messageId, refused).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aStrangersFilesWaitWithTheMessageUpToTheCapAndGoWithItOntoTheIssue() throws Exception {
        String customer = newCustomerId();
        String issue = UUID.randomUUID().toString();
        sentAnEmailAbout(customer, issue);
        List<MimeBodyPart> parts = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            parts.add(file("photo-" + i + ".png", "image/png", png(i)));
        }
        String subject = "Photos " + customer;
        send(mail("neighbour." + customer + "@example.com", MAILBOX, subject, "Photos of Ada's router.",
                parts.toArray(MimeBodyPart[]::new)));

        Awaitility.await().atMost(WAIT).until(() -> unmatchedId(subject) != null);
        String messageId = unmatchedId(subject);
        as(AGENT).queryParam("size", 100).get("/inbound-messages").then().statusCode(200)
                .body("items.find { it.id == '" + messageId + "' }.attachments.size()", equalTo(11))
                .body("items.find { it.id == '" + messageId + "' }.attachments[9].status", equalTo("kept"))
                .body("items.find { it.id == '" + messageId + "' }.attachments[10].reason", equalTo("too-many"));

        as(AGENT).body(Map.of("issueId", issue)).post("/inbound-messages/{id}/assignment", messageId).then()
                .statusCode(200).body("attachments.size()", equalTo(11));
        String contactId = as(AGENT).get("/customers/{id}/contacts", customer).path("items[0].id");
        JsonNode logged = stream.await(contactId, 1, WAIT).get(0);
        EventSchemas.assertValid(logged);
        assertEquals(10, logged.path("data").path("contact").path("attachments").size());
    }

    @Test
    void anInlinePhotoOfAnHtmlReplyIsKeptAndItsBodiesAreNot() throws Exception {
        String customer = newCustomerId();
        String issue = UUID.randomUUID().toString();
        String replyTo = sentAnEmailAbout(customer, issue);
        byte[] photo = jpeg(8192);
        MimeMessage reply = new MimeMessage(smtp());
        reply.setFrom(new InternetAddress("ada@example.com"));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(replyTo));
        reply.setSubject("Re: inline " + customer, "UTF-8");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("See the photo below.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>See the photo below.</p><img src=\"cid:leak@example\">", "text/html; charset=UTF-8");
        MimeBodyPart image = new MimeBodyPart();
        image.setDataHandler(new DataHandler(new ByteArrayDataSource(photo, "image/jpeg")));
        image.setContentID("<leak@example>");
        image.setDisposition(Part.INLINE);
        image.setHeader("Content-Transfer-Encoding", "base64");
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(html);
        related.addBodyPart(image);
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(relatedPart);
        reply.setContent(alternative);
        reply.saveChanges();
        send(reply);

        Awaitility.await().atMost(WAIT).until(() -> as(AGENT).get("/customers/{id}/contacts", customer)
                .<Integer>path("total") == 1);
        String contactId = as(AGENT).get("/customers/{id}/contacts", customer).path("items[0].id");
        JsonNode contact = stream.await(contactId, 1, WAIT).get(0).path("data").path("contact");
        assertEquals("See the photo below.", contact.path("summary").asText());
        assertEquals(1, contact.path("attachments").size(), "the photo, not the text or the HTML");
        assertEquals("attachment.jpg", contact.path("attachments").get(0).path("fileName").asText());
        assertEquals(photo.length, contact.path("attachments").get(0).path("size").asLong());
    }

    @Test
    void anAutoReplysFileIsNotKept() throws Exception {
        String customer = newCustomerId();
        String replyTo = sentAnEmailAbout(customer, UUID.randomUUID().toString());
        String subject = "Out of office " + customer;
        MimeMessage away = mail("ada@example.com", replyTo, subject, "I am away until Monday.",
                file("signature.jpg", "image/jpeg", jpeg(2048)));
        away.setHeader("Auto-Submitted", "auto-replied");
        away.saveChanges();
        send(away);
        Awaitility.await().atMost(WAIT).until(() -> Upstream.count(db,
                "select count(*) from inbound_message where subject = ? and status = 'ignored'", subject) == 1);
        assertEquals(0, Upstream.count(db, """
                select count(*) from inbound_attachment a join inbound_message m on m.id = a.inbound_message_id
                where m.subject = ?""", subject));
    }

    @Test
    void erasureLeavesNoBytesAndNoNamesOfTheFiles() throws Exception {
        String customer = newCustomerId();
        String issue = UUID.randomUUID().toString();
        String replyTo = sentAnEmailAbout(customer, issue);
        send(mail("grace@example.com", replyTo, "Re: erased " + customer, "My passport, as you asked.",
                file("passport-grace-hopper.jpg", "image/jpeg", jpeg(4096))));
        Awaitility.await().atMost(WAIT).until(() -> Upstream.count(db, """
                select count(*) from inbound_attachment a join inbound_message m on m.id = a.inbound_message_id
                where m.customer_id = ?::uuid and a.content is not null""", customer) == 1);
        String contactId = as(AGENT).get("/customers/{id}/contacts", customer).path("items[0].id");
        String messageId = messageOf(contactId);
        String fileId = as(AGENT).queryParam("status", "matched").queryParam("size", 100).get("/inbound-messages")
                .path("items.find { it.id == '" + messageId + "' }.attachments[0].id");

        ObjectNode erased = Upstream.customerErased(customer);
        publisher.send("customer.events", erased);
        awaitApplied(db, erased);
        assertEquals(1, Upstream.count(db, "select count(*) from inbound_attachment where inbound_message_id = ?::uuid",
                messageId), "the fact that a file came stays");
        assertEquals(0, Upstream.count(db, """
                select count(*) from inbound_attachment where inbound_message_id = ?::uuid
                and (content is not null or file_name is not null or sha256 is not null)""", messageId));
        assertEquals(0, Upstream.count(db, "select count(*) from contact where id = ?::uuid and attachments is not null",
                contactId));
        given().auth().oauth2(AGENT).get("/inbound-messages/{id}/attachments/{file}", messageId, fileId).then()
                .statusCode(404);
    }

    private String messageOf(String contactId) {
        return as(AGENT).queryParam("status", "matched").queryParam("size", 100).get("/inbound-messages").then()
                .statusCode(200).extract().path("items.find { it.contactId == '" + contactId + "' }.id");
    }

    private String unmatchedId(String subject) {
        return as(AGENT).queryParam("size", 100).get("/inbound-messages").then().statusCode(200)
                .extract().path("items.find { it.subject == '" + subject + "' }.id");
    }

    /** Tells contact-service, as notification-service does, that an email about the issue went out; its Reply-To. */
    private String sentAnEmailAbout(String customer, String issue) {
        publisher.send("customer.events", customerChanged("customer.registered",
                customerState(customer, 0, "Ada", "Lovelace", "London", "email")));
        publisher.send("issue.events", issueEvent("issue.opened", issueState(issue, customer, issueNumber(customer),
                "Leak under the sink", "open", 0, null, null, null), Upstream.openedChange(), "phone",
                now.minusMinutes(5)));
        String replyTo = "care-test+" + token() + "@anchor.local";
        ObjectNode sent = notificationEvent("notification.sent", UUID.randomUUID().toString(), customer, issue,
                "email", "sent", "We have opened your issue", now.minusMinutes(4));
        ((ObjectNode) sent.path("data").path("notification")).put("replyTo", replyTo);
        publisher.send("notification.events", sent);
        awaitApplied(db, sent);
        return replyTo;
    }

    /** A JPEG's first bytes, then noise: what FileType recognises, of the given size. */
    private static byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xE0;
        return bytes;
    }

    private static byte[] png(int seed) {
        byte[] bytes = new byte[64];
        new Random(seed).nextBytes(bytes);
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, bytes, 0, 8);
        return bytes;
    }

    private static MimeBodyPart file(String name, String type, byte[] content) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(name);
        part.setDisposition(Part.ATTACHMENT);
        part.setHeader("Content-Transfer-Encoding", "base64"); // as mail programs send files: byte for byte
        return part;
    }

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

    /** A multipart/mixed email: the words, then the files. */
    private static MimeMessage mail(String from, String to, String subject, String text, MimeBodyPart... files)
            throws MessagingException {
        MimeMessage message = new MimeMessage(smtp());
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        mixed.addBodyPart(body);
        for (MimeBodyPart file : files) {
            mixed.addBodyPart(file);
        }
        message.setContent(mixed);
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
