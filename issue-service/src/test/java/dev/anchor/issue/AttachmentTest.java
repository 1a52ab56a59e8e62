package dev.anchor.issue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.export.ExportParts;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.issue.api.statuspage.TokenGuessThrottle;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.MAPPER;
import static dev.anchor.issue.IssueFixtures.OTHER_PARTNER;
import static dev.anchor.issue.IssueFixtures.PARTNER;
import static dev.anchor.issue.IssueFixtures.SUPERVISOR;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Photos and documents on the status page, without JavaScript (a multipart form post): checked on their bytes,
 * stored with the issue and its event, listed on the page and for staff, downloaded as they were sent, erased with
 * the customer and listed in their export; anything refused stores nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class AttachmentTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TokenGuessThrottle throttle;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void cleanSlate() {
        throttle.reset();
        RestAssured.config = RestAssured.config().redirect(RestAssured.config().getRedirectConfig().followRedirects(false));
    }

    @Test
    void aTwoMegabytePhotoSentThroughThePageIsListedForTheCustomerAndStaffAndDownloadsAsSent() throws Exception {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "Europe/London"));
        IssueFixtures.moveTo(SUPERVISOR, journey.id(), "waiting_on_customer").then().statusCode(200);
        byte[] photo = jpeg(2 * 1024 * 1024);
        try (EventStream stream = EventStream.of("issue.events")) {
            upload(journey, "../Fault photo <1>.jpg", photo, "image/jpeg").then().statusCode(303)
                    .header("Location", containsString(journey.path() + "?notice=attached"));

            // Like a comment: back to us from waiting on the customer, the attachment, then the customer's step answered.
            List<JsonNode> events = stream.await(journey.id(), 3, WAIT);
            assertEquals(List.of("issue.status-changed", "issue.attachment-added", "issue.next-action-completed"),
                    EventStream.types(events));
            events.forEach(EventSchemas::assertValid);
            JsonNode change = events.get(1).at("/data/change");
            assertEquals("Fault photo _1_.jpg", change.path("fileName").asText(), "no path, no markup");
            assertEquals("image/jpeg", change.path("mediaType").asText());
            assertEquals(photo.length, change.path("size").asLong());
            assertEquals("customer", change.path("uploadedBy").asText());
            assertTrue(events.get(1).toString().length() < 10_000, "never the bytes in the event");
            assertEquals("answered", events.get(2).at("/data/change/reason").asText());
        }

        String html = given().accept("text/html").get(journey.path() + "?notice=attached").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("Thank you, your file was added."), html);
        assertTrue(html.contains("Fault photo _1_.jpg"), "listed on the page");
        assertTrue(html.contains("2 MB"), "its size as the customer reads it");
        assertTrue(html.contains("You sent a photo"), "on the history");
        assertTrue(html.contains("enctype=\"multipart/form-data\""), "a plain form: works without JavaScript");
        assertFalse(html.contains("<script"), "no JavaScript");
        String attachmentId = given().accept("application/json").get(journey.path()).then().statusCode(200)
                .body("attachments[0].name", equalTo("Fault photo _1_.jpg"))
                .body("attachments[0].mediaType", equalTo("image/jpeg"))
                .body("attachments[0].size", equalTo(photo.length))
                .body("status", equalTo("in_progress"))
                .body("nextAction", org.hamcrest.Matchers.nullValue())
                .extract().path("attachments[0].id");
        assertTrue(html.contains("href=\"/status/" + journey.token() + "/attachments/" + attachmentId + "\""), html);

        // The customer downloads it by the same link, byte for byte, as a download of the detected type.
        byte[] fromPage = given().get(journey.path() + "/attachments/" + attachmentId).then().statusCode(200)
                .contentType("image/jpeg")
                .header("Content-Disposition", startsWith("attachment; filename=\"Fault photo _1_.jpg\""))
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertArrayEquals(photo, fromPage);

        // Staff list and download it through the API.
        as(AGENT).get("/issues/{id}/attachments", journey.id()).then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].id", equalTo(attachmentId))
                .body("[0].fileName", equalTo("Fault photo _1_.jpg"))
                .body("[0].mediaType", equalTo("image/jpeg"))
                .body("[0].size", equalTo(photo.length))
                .body("[0].sha256", equalTo(sha256(photo)))
                .body("[0].uploadedBy", equalTo("customer"));
        byte[] fromApi = given().auth().oauth2(AGENT).get("/issues/{id}/attachments/{a}", journey.id(), attachmentId)
                .then().statusCode(200).contentType("image/jpeg")
                .header("Content-Disposition", startsWith("attachment;"))
                .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertArrayEquals(photo, fromApi);
        // a client that asks for JSON still gets the file as it is (what the generated bad-input baseline sends)
        given().accept("application/json").auth().oauth2(AGENT)
                .get("/issues/{id}/attachments/{a}", journey.id(), attachmentId).then().statusCode(200)
                .contentType("image/jpeg");
        given().accept("application/json").get(journey.path() + "/attachments/" + attachmentId).then().statusCode(200)
                .contentType("image/jpeg");
        as(AGENT).get("/issues/{id}/timeline", journey.id()).then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.hasItem("issue.attachment-added"));
    }

    @Test
    void aFileThatIsNotWhatItClaimsIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Lena Schmidt", "de", "Europe/Berlin"));
        long version = IssueFixtures.version(journey.id());
        byte[] executable = concat(new byte[]{'M', 'Z', (byte) 0x90, 0}, new byte[4096]);
        byte[] page = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] elf = concat(new byte[]{0x7F, 'E', 'L', 'F'}, new byte[1024]);
        try (EventStream stream = EventStream.of("issue.events")) {
            for (byte[] lie : List.of(executable, page, elf)) {
                String html = upload(journey, "photo.jpg", lie, "image/jpeg", "text/html").then().statusCode(415)
                        .contentType(startsWith("text/html")).extract().asString();
                assertTrue(html.contains("Die ausgewählte Datei muss ein Foto (JPEG, PNG oder HEIC) oder ein PDF sein."),
                        "the message in the customer's language: " + html);
                assertTrue(html.contains("<a href=\"#file\">"), "the error summary links to the field");
                assertTrue(html.contains("id=\"file-error\""), "the field is marked in error");
                assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<title>Fehler:"), html.substring(0, 300));
                // any other client gets a problem
                upload(journey, "photo.jpg", lie, "image/jpeg", "application/json").then().statusCode(415)
                        .contentType("application/problem+json").body("status", equalTo(415))
                        .body("detail", containsString("JPEG, PNG or HEIC photo or a PDF"));
            }
            // a real photo whose name claims another type is not what its name says either
            upload(journey, "photo.exe", jpeg(10_000), "application/octet-stream", "application/json").then()
                    .statusCode(415);
            upload(journey, "invoice.html", pdf(), "application/pdf", "application/json").then().statusCode(415);
            assertTrue(stream.during(journey.id(), Duration.ofSeconds(2)).isEmpty(), "nothing published");
        }
        assertEquals("0", sql("select count(*) from issue_attachment where issue_id = ?", UUID.fromString(journey.id())));
        assertEquals(version, IssueFixtures.version(journey.id()), "the issue did not change");

        // A PDF whose declared type is wrong is still a PDF: the bytes decide, and the name stays.
        upload(journey, "invoice.pdf", pdf(), "image/png").then().statusCode(303);
        as(AGENT).get("/issues/{id}/attachments", journey.id()).then().statusCode(200)
                .body("[0].mediaType", equalTo("application/pdf")).body("[0].fileName", equalTo("invoice.pdf"));
        String html = given().accept("text/html").get(journey.path()).then().statusCode(200).extract().asString();
        assertTrue(html.contains("Sie haben ein Dokument gesendet"), "the history in German");
    }

    @Test
    void anOversizedOrMissingFileIsRefusedAndNothingIsStored() throws Exception {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        long version = IssueFixtures.version(journey.id());
        byte[] tooLarge = jpeg(10 * 1024 * 1024 + 1);
        String html = upload(journey, "big.jpg", tooLarge, "image/jpeg", "text/html").then().statusCode(413)
                .contentType(startsWith("text/html")).extract().asString();
        assertTrue(html.contains("The selected file must be smaller than 10 MB."), html);
        upload(journey, "big.jpg", tooLarge, "image/jpeg", "application/json").then().statusCode(413)
                .contentType("application/problem+json");
        // Far beyond the form's limit (a browser says how long its form is): read and dropped, never stored; the
        // browser goes back to its page with the error, any other client gets the 413 problem.
        byte[] huge = jpeg(30 * 1024 * 1024);
        HttpResponse<String> browser = postWithLength(journey, "huge.jpg", huge, "text/html");
        assertEquals(303, browser.statusCode(), browser.body());
        assertTrue(browser.headers().firstValue("Location").orElseThrow()
                .endsWith(journey.path() + "?notice=file-too-large"), browser.headers().toString());
        html = given().accept("text/html").get(journey.path() + "?notice=file-too-large").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("The selected file must be smaller than 10 MB.") && html.contains("<a href=\"#file\">"), html);
        HttpResponse<String> client = postWithLength(journey, "huge.jpg", huge, "application/json");
        assertEquals(413, client.statusCode(), client.body());
        assertEquals("application/problem+json", client.headers().firstValue("Content-Type").orElseThrow());

        // no file chosen: the browser sends an empty part without a name; or no part at all
        html = given().accept("text/html").multiPart("formToken", StatusPageTest.formToken(journey.path()))
                .multiPart("file", "", new byte[0], "application/octet-stream")
                .post(journey.path() + "/attachments").then().statusCode(400).extract().asString();
        assertTrue(html.contains("Select a file to upload."), html);
        given().accept("application/json").multiPart("formToken", StatusPageTest.formToken(journey.path()))
                .post(journey.path() + "/attachments").then().statusCode(400).contentType("application/problem+json");
        // no form token: the 400 of every form without one
        given().accept("application/json").multiPart("file", "photo.jpg", jpeg(5000), "image/jpeg")
                .post(journey.path() + "/attachments").then().statusCode(400).contentType("application/problem+json");
        // not multipart at all
        given().accept("application/json").contentType("application/x-www-form-urlencoded").body("formToken=x")
                .post(journey.path() + "/attachments").then().statusCode(415).contentType("application/problem+json");

        assertEquals("0", sql("select count(*) from issue_attachment where issue_id = ?", UUID.fromString(journey.id())));
        assertEquals(version, IssueFixtures.version(journey.id()), "the issue did not change");
    }

    @Test
    void anIssueTakesAtMostItsNumberOfFiles() throws Exception {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        for (int i = 0; i < 20; i++) {
            upload(journey, "p" + i + ".png", png(), "image/png").then().statusCode(303);
        }
        long version = IssueFixtures.version(journey.id());
        String html = upload(journey, "one-more.png", png(), "image/png", "text/html").then().statusCode(409)
                .extract().asString();
        assertTrue(html.contains("This issue already has as many files as it can take."), html);
        assertEquals("20", sql("select count(*) from issue_attachment where issue_id = ?", UUID.fromString(journey.id())));
        assertEquals(version, IssueFixtures.version(journey.id()));
    }

    @Test
    void theSameFormSentTwiceStoresOneFile() throws Exception {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        String formToken = StatusPageTest.formToken(journey.path());
        byte[] photo = jpeg(20_000);
        given().multiPart("formToken", formToken).multiPart("file", "a.jpg", photo, "image/jpeg")
                .post(journey.path() + "/attachments").then().statusCode(303)
                .header("Location", containsString("notice=attached"));
        given().multiPart("formToken", formToken).multiPart("file", "a.jpg", photo, "image/jpeg")
                .post(journey.path() + "/attachments").then().statusCode(303)
                .header("Location", containsString("notice=already-sent"));
        assertEquals("1", sql("select count(*) from issue_attachment where issue_id = ?", UUID.fromString(journey.id())));
    }

    @Test
    void onlyTheLinkAndStaffWhoMaySeeTheIssueReadItsFiles() throws Exception {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        upload(journey, "photo.jpg", jpeg(5000), "image/jpeg").then().statusCode(303);
        String attachmentId = as(AGENT).get("/issues/{id}/attachments", journey.id()).then().statusCode(200)
                .extract().path("[0].id");

        // an unknown link is a 404 as ever, for the form and the download
        String unknown = "/status/" + "A".repeat(43);
        given().accept("application/json").multiPart("formToken", "x").multiPart("file", "p.jpg", jpeg(5000), "image/jpeg")
                .post(unknown + "/attachments").then().statusCode(404).contentType("application/problem+json");
        given().accept("application/json").get(unknown + "/attachments/" + attachmentId).then().statusCode(404);
        // the right link, but a file that is not its issue's
        given().accept("application/json").get(journey.path() + "/attachments/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        given().accept("application/json").get(journey.path() + "/attachments/not-a-uuid").then().statusCode(404);

        // staff: no token 401, a role that may not read 403, a partner of another location 404, of its own 200
        given().get("/issues/{id}/attachments", journey.id()).then().statusCode(401);
        given().get("/issues/{id}/attachments/{a}", journey.id(), attachmentId).then().statusCode(401);
        String stranger = TestJwt.token("customer", "someone");
        given().auth().oauth2(stranger).get("/issues/{id}/attachments", journey.id()).then().statusCode(403);
        given().auth().oauth2(stranger).get("/issues/{id}/attachments/{a}", journey.id(), attachmentId).then()
                .statusCode(403);
        given().auth().oauth2(OTHER_PARTNER).get("/issues/{id}/attachments", journey.id()).then().statusCode(404);
        given().auth().oauth2(OTHER_PARTNER).get("/issues/{id}/attachments/{a}", journey.id(), attachmentId).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(PARTNER).get("/issues/{id}/attachments", journey.id()).then().statusCode(200)
                .body("[0].id", equalTo(attachmentId));
        given().auth().oauth2(PARTNER).get("/issues/{id}/attachments/{a}", journey.id(), attachmentId).then()
                .statusCode(200);
        given().auth().oauth2(AGENT).get("/issues/{id}/attachments/{a}", journey.id(), UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");

        // a revoked link no longer shows or takes files
        as(AGENT).delete("/issues/{id}/status-link", journey.id()).then().statusCode(204);
        given().accept("application/json").get(journey.path() + "/attachments/" + attachmentId).then().statusCode(404);
    }

    @Test
    void theCustomersFilesAreListedInTheirExportAndGoWithTheirErasure() throws Exception {
        UUID customerId = customer("Ada Lovelace", "en", "UTC");
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customerId);
        byte[] photo = jpeg(50_000);
        upload(journey, "leak.jpg", photo, "image/jpeg").then().statusCode(303);

        try (EventStream parts = EventStream.of(ExportParts.TOPIC);
             EventPublisher publisher = new EventPublisher()) {
            UUID exportId = UUID.randomUUID();
            ObjectNode data = MAPPER.createObjectNode();
            data.put("exportId", exportId.toString());
            data.put("customerId", customerId.toString());
            data.put("requestedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
            publisher.send("customer.events", EventPublisher.event("/anchor/customer-service",
                    "customer.export-requested", customerId.toString(), data));
            JsonNode part = parts.await(customerId.toString(), 1, WAIT).get(0);
            JsonNode file = part.at("/data/part/issues/0/attachments/0");
            assertEquals("leak.jpg", file.path("fileName").asText(), part.toPrettyString());
            assertEquals("image/jpeg", file.path("mediaType").asText());
            assertEquals(photo.length, file.path("size").asLong());
            assertEquals(sha256(photo), file.path("sha256").asText());
            assertTrue(part.toString().length() < 20_000, "listed, not included");

            ObjectNode erased = MAPPER.createObjectNode();
            erased.put("customerId", customerId.toString());
            erased.putArray("mergedIds");
            erased.put("erasedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
            ObjectNode event = EventPublisher.event("/anchor/customer-service", "customer.erased", customerId.toString(), erased);
            publisher.send("customer.events", event);
            UUID eventId = UUID.fromString(event.path("id").asText());
            Awaitility.await().atMost(WAIT).until(() -> "1".equals(sql(
                    "select count(*) from inbox_message where consumer = 'issue-service.customer.events' and event_id = ?",
                    eventId)));
        }
        assertEquals("0", sql("select count(*) from issue_attachment where customer_id = ?", customerId));
        as(AGENT).get("/issues/{id}/attachments", journey.id()).then().statusCode(200).body("size()", equalTo(0));
        as(AGENT).get("/issues/{id}/timeline", journey.id()).then().statusCode(200)
                .body("items.findAll { it.kind == 'issue.attachment-added' }.detail", not(org.hamcrest.Matchers.hasItem("leak.jpg")))
                .body("items.findAll { it.kind == 'issue.attachment-added' }.summary[0]", equalTo("[erased]"));
    }

    @Test
    void aBodyThatIsNotAWellFormedUploadIsA4xxProblemAndStoresNothing() throws Exception {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        long version = IssueFixtures.version(journey.id());
        String path = journey.path() + "/attachments";
        Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("JSON", "{\"file\":\"x\",\"formToken\":\"0123456789abcdef\"}".getBytes(StandardCharsets.UTF_8));
        bodies.put("empty", new byte[0]);
        bodies.put("percent", "%%%".getBytes(StandardCharsets.US_ASCII));
        bodies.put("NUL", "--b\r\n\u0000".getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", new byte[]{(byte) 0xFF, (byte) 0xFE, '-', '-'});
        bodies.put("70 KiB", ("{\"formToken\":\"" + "a".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII));
        for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=b", "text/plain",
                "application/json", "%%%/;;;")) {
            for (var body : bodies.entrySet()) {
                Response answer = given().accept("application/json").contentType(type).body(body.getValue()).post(path);
                int status = answer.statusCode();
                assertTrue(status >= 400 && status < 500, type + " " + body.getKey() + ": " + status + " " + answer.asString());
                assertEquals("application/problem+json", answer.contentType(), type + " " + body.getKey());
                assertFalse(answer.asString().contains("java.") || answer.asString().contains("Exception"),
                        answer.asString());
            }
        }
        // a form token with a NUL is not a form token
        given().accept("application/json").multiPart("formToken", "a\u0000b").multiPart("file", "p.png", png(), "image/png")
                .post(path).then().statusCode(400).contentType("application/problem+json");
        assertEquals("0", sql("select count(*) from issue_attachment where issue_id = ?", UUID.fromString(journey.id())));
        assertEquals(version, IssueFixtures.version(journey.id()));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static Response upload(StatusPageTest.Journey journey, String name, byte[] content, String declaredType) {
        return upload(journey, name, content, declaredType, "text/html");
    }

    static Response upload(StatusPageTest.Journey journey, String name, byte[] content, String declaredType,
                           String accept) {
        RequestSpecification request = given().accept(accept)
                .multiPart("formToken", StatusPageTest.formToken(journey.path()))
                .multiPart("file", name, content, declaredType);
        return request.post(journey.path() + "/attachments");
    }

    /** A multipart upload with its Content-Length, as a browser sends its form. */
    private HttpResponse<String> postWithLength(StatusPageTest.Journey journey, String name, byte[] content, String accept)
            throws Exception {
        String boundary = "----anchor" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"formToken\"\r\n\r\n"
                + StatusPageTest.formToken(journey.path()) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(journey.path().substring(1) + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A real JPEG (noise, so it does not compress away) padded after its end marker to exactly {@code size} bytes. */
    static byte[] jpeg(int size) throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(size);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        byte[] real = out.toByteArray();
        byte[] padded = Arrays.copyOf(real, Math.max(size, real.length));
        for (int i = real.length; i < padded.length; i++) {
            padded[i] = (byte) random.nextInt(256);
        }
        return padded;
    }

    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
