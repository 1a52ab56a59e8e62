package dev.anchor.system.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.system.journey.Anchor;
import dev.anchor.system.journey.RunningSuite;
import dev.anchor.system.journey.Sinks;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real resources made through the public APIs before the bad input, so every path parameter names something that
 * exists: the targets (whose versions and events are watched for writes) and scratch resources that the bodies of
 * create operations refer to (an accepted create may touch those, never a target).
 */
final class Seeds {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROPAGATION = Duration.ofMinutes(2);
    /** The smallest file that is what its name says: a PNG signature and an empty chunk. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    /** Path parameter values by the collection the parameter follows ({@code /customers/{id}} → "customers"). */
    final Map<String, String> byCollection = new HashMap<>();
    /** Body field values by field name for operations on a target ({@code duplicateId}). */
    final Map<String, String> targetFields = new HashMap<>();
    /** Body field values by field name for create operations: scratch resources only. */
    final Map<String, String> scratchFields = new HashMap<>();
    /** The Idempotency-Key each create operation was seeded with, by operation label, to replay with another body. */
    final Map<String, String> idempotencyKeys = new HashMap<>();
    /** Query parameter values a valid request carries, by operation label and name ({@code GET /preferences token}). */
    final Map<String, String> queryValues = new HashMap<>();
    /** Every target's read URL (service port and path), to compare its ETag before and after. */
    final Map<String, Map.Entry<Integer, String>> targets = new LinkedHashMap<>();

    private final RunningSuite suite;
    private final String supervisor;

    Seeds(RunningSuite suite, Tokens tokens) {
        this.suite = suite;
        this.supervisor = tokens.valid("supervisor");
    }

    void plant() throws IOException {
        int customers = 8081 + suite.offset;
        int issues = 8082 + suite.offset;
        int contacts = 8083 + suite.offset;
        int notifications = 8084 + suite.offset;

        String customerKey = key();
        String customerId = create(customers, "/customers", customerKey, customer("Target")).path("id").asText();
        idempotencyKeys.put("POST /customers", customerKey);
        String duplicateId = create(customers, "/customers", key(), customer("Duplicate")).path("id").asText();
        JsonNode scratchCustomer = create(customers, "/customers", key(), customer("Scratch"));
        String scratchCustomerId = scratchCustomer.path("id").asText();

        String issueKey = key();
        JsonNode issue = await(issues, "/issues", issueKey, Map.of("customerId", customerId, "title", "Trust target",
                "channel", "web", "takeOwnership", true));
        idempotencyKeys.put("POST /issues", issueKey);
        String issueId = issue.path("id").asText();
        String scratchIssueId = await(issues, "/issues", key(), Map.of("customerId", scratchCustomerId,
                "title", "Trust scratch", "channel", "web")).path("id").asText();

        String contactKey = key();
        String contactId = await(contacts, "/contacts", contactKey, Map.of("customerId", customerId, "issueId", issueId,
                "channel", "phone", "direction", "inbound", "occurredAt", Anchor.inFuture(Duration.ofHours(-1)),
                "summary", "Trust target call", "outcome", "follow_up", "agentId", "trust.supervisor")).path("id").asText();
        idempotencyKeys.put("POST /contacts", contactKey);

        for (var sub : List.of(Map.entry("comments", Map.of("text", "Trust comment", "visibility", "internal")),
                Map.entry("actions", Map.of("kind", "other", "note", "Trust action")))) {
            String subKey = key();
            create(issues, "/issues/" + issueId + "/" + sub.getKey(), subKey, sub.getValue());
            idempotencyKeys.put("POST /issues/{idOrNumber}/" + sub.getKey(), subKey);
        }
        String statusUrl = create(issues, "/issues/" + issueId + "/status-link", null, null).path("statusUrl").asText();
        String statusToken = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        String attachmentId = seedAttachment(issues, statusToken);

        // a subject-access export of the target (customer-service answers 202 and assembles it from events)
        String exportKey = key();
        String exportId = create(customers, "/customers/" + customerId + "/exports", exportKey, null)
                .path("exportId").asText();
        idempotencyKeys.put("POST /customers/{id}/exports", exportKey);

        // a repair centre in issue-service's locations directory
        String locationKey = key();
        String locationId = create(issues, "/locations", locationKey, Map.of("locationId", "trust-" + Anchor.unique(8),
                "name", "Trust Repairs", "kind", "repair_centre",
                "address", Map.of("lines", List.of("1 Trust Street"), "city", "London", "postalCode", "EC1A 1AA", "country", "GB"),
                "phone", "+44 20 7946 0000", "timeZone", "Europe/London",
                "openingHours", List.of(Map.of("days", List.of("monday", "tuesday"), "opens", "09:00", "closes", "17:30"))))
                .at("/place/locationId").asText();
        idempotencyKeys.put("POST /locations", locationKey);

        JsonNode inbound = awaitInboundMessage(contacts, "stranger@example.com", "unmatched");
        // the scratch customer's own email with a photo: a contact (origin customer-email) that carries a file
        awaitKnown(contacts, scratchCustomerId);
        JsonNode emailed = awaitInboundMessage(contacts, scratchCustomer.at("/emails/0/address").asText(), "matched");

        String notificationId = awaitNotification(notifications, issueId);
        JsonNode templates = JSON.readTree(call(notifications, "GET", "/templates", null, null).body());

        byCollection.put("customers", customerId);
        byCollection.put("issues", issueId);
        byCollection.put("contacts", contactId);
        byCollection.put("notifications", notificationId);
        byCollection.put("status", statusToken);
        byCollection.put("attachments", attachmentId);
        byCollection.put("exports", exportId);
        byCollection.put("inbound-messages", inbound.path("id").asText());
        byCollection.put("contact-service attachments", inbound.at("/attachments/0/id").asText());
        byCollection.put("contact-service /contacts/{id}/attachments/{attachmentId} id", emailed.path("contactId").asText());
        byCollection.put("contact-service /contacts/{id}/attachments/{attachmentId} attachmentId",
                emailed.at("/attachments/0/id").asText());
        // the links of the customer pages (customer-service), as every email carries them: a scratch customer's, so a
        // valid read may not touch a target (the pages' POSTs send no token of ours and are not created by a baseline)
        String linkSecret = java.nio.file.Files.readString(RunningSuite.ROOT.resolve(".suite/run/keys/link-secret")).strip();
        queryValues.put("GET /preferences token", link(linkSecret, "preferences", scratchCustomerId));
        queryValues.put("GET /preferences/unsubscribe token", link(linkSecret, "unsubscribe", scratchCustomerId, "service"));
        byCollection.put("shares", "store-trust");
        byCollection.put("locations", locationId);
        targetFields.put("locationId", locationId);
        scratchFields.put("locationId", locationId);
        byCollection.put("templates", templates.get(0).path("type").asText());
        targetFields.put("duplicateId", duplicateId);
        targetFields.put("customerId", customerId);
        targetFields.put("issueId", issueId);
        scratchFields.put("customerId", scratchCustomerId);
        scratchFields.put("issueId", scratchIssueId);
        scratchFields.put("duplicateId", scratchCustomerId);

        targets.put("customer " + customerId, Map.entry(customers, "/customers/" + customerId));
        targets.put("duplicate customer " + duplicateId, Map.entry(customers, "/customers/" + duplicateId));
        targets.put("issue " + issueId, Map.entry(issues, "/issues/" + issueId));
        targets.put("contact " + contactId, Map.entry(contacts, "/contacts/" + contactId));
        targets.put("location " + locationId, Map.entry(issues, "/locations/" + locationId));
        targets.put("notification " + notificationId, Map.entry(notifications, "/notifications/" + notificationId));
    }

    /** The ids whose events would mean a write on a target. */
    List<String> targetIds() {
        return targets.keySet().stream().map(name -> name.substring(name.lastIndexOf(' ') + 1)).toList();
    }

    /** Each target's ETag (or, without one, its whole body) as read now. */
    Map<String, String> versions() throws IOException {
        Map<String, String> versions = new LinkedHashMap<>();
        for (var target : targets.entrySet()) {
            RawHttp.Answer answer = call(target.getValue().getKey(), "GET", target.getValue().getValue(), null, null);
            versions.put(target.getKey(), answer.status() + " " + (answer.header("ETag") != null
                    ? "ETag " + answer.header("ETag") : answer.text()));
        }
        return versions;
    }

    /** The current ETag of the target a path parameter points at, for a baseline If-Match. */
    String etag(int port, String path) throws IOException {
        return call(port, "GET", path, null, null).header("ETag");
    }

    private Map<String, Object> customer(String givenName) {
        return Map.of("givenName", givenName, "familyName", "Trust",
                "emails", List.of(Map.of("address", "trust." + Anchor.unique(10) + "@example.com")),
                "preferences", Anchor.preferences("email"));
    }

    private JsonNode create(int port, String path, String idempotencyKey, Object body) throws IOException {
        RawHttp.Answer answer = call(port, "POST", path, idempotencyKey, body);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("seeding POST " + path + ": " + answer.status() + " " + answer.text());
        }
        return JSON.readTree(answer.body());
    }

    /** A create that waits for the service to hear of what it refers to (422 until the replica arrives). */
    private JsonNode await(int port, String path, String idempotencyKey, Object body) {
        AtomicReference<JsonNode> created = new AtomicReference<>();
        Awaitility.await("seeding POST " + path).atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).until(() -> {
            RawHttp.Answer answer = call(port, "POST", path, idempotencyKey, body);
            if (answer.status() / 100 == 2) {
                created.set(JSON.readTree(answer.body()));
                return true;
            }
            if (answer.status() != 422 && answer.status() != 404) {
                throw new IllegalStateException("seeding POST " + path + ": " + answer.status() + " " + answer.text());
            }
            return false;
        });
        return created.get();
    }

    /** A photo the customer sent through the target's status page (its upload form), for the attachment reads. */
    private String seedAttachment(int port, String statusToken) throws IOException {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            String page = "http://127.0.0.1:" + port + "/status/" + statusToken;
            String html = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(page))
                    .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher form = java.util.regex.Pattern.compile("name=\"formToken\" value=\"([A-Za-z0-9_-]+)\"")
                    .matcher(html);
            if (!form.find()) {
                throw new IllegalStateException("seeding an attachment: no form token on the status page");
            }
            String boundary = "trust" + Anchor.unique(12);
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"formToken\"\r\n\r\n"
                    + form.group(1) + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"trust.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(PNG);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            int status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(page + "/attachments"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 303) {
                throw new IllegalStateException("seeding an attachment: " + status);
            }
            return JSON.readTree(call(port, "GET", "/status/" + statusToken, null, null).body())
                    .at("/attachments/0/id").asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * An email with a photo to the organisation's mailbox, read by contact-service: a stranger's waits for staff
     * ({@code unmatched}); a known customer's becomes a contact asking for an issue ({@code matched}).
     */
    private JsonNode awaitInboundMessage(int port, String from, String status) {
        String subject = "Trust email " + Anchor.unique(8);
        new Sinks(suite).emailWithFile(from, "care@anchor.local", subject, "Do you repair toasters?",
                "toaster.png", "image/png", PNG);
        AtomicReference<JsonNode> message = new AtomicReference<>();
        Awaitility.await("seeded inbound email read").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonNode page = JSON.readTree(call(port, "GET", "/inbound-messages?size=100&status=" + status,
                            null, null).body());
                    for (JsonNode m : page.path("items")) {
                        if (subject.equals(m.path("subject").asText()) && m.at("/attachments/0/id").isTextual()) {
                            message.set(m);
                        }
                    }
                    return message.get() != null;
                });
        return message.get();
    }

    /** Waits until contact-service knows the customer (her replica, and so her address, arrived). */
    private void awaitKnown(int port, String customerId) {
        Awaitility.await("contact-service knows the customer").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> call(port, "GET", "/customers/" + customerId + "/timeline", null, null).status() == 200);
    }

    /** The issue's opening notification, once decided: it changes no more while the bad input runs. */
    private String awaitNotification(int port, String issueId) {
        AtomicReference<String> id = new AtomicReference<>();
        Awaitility.await("seeded issue's notification decided").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonNode page = JSON.readTree(call(port, "GET", "/notifications?issueId=" + issueId, null, null).body());
                    for (JsonNode n : page.path("items")) {
                        if (!"queued".equals(n.path("status").asText())) {
                            id.set(n.path("id").asText());
                        }
                    }
                    return id.get() != null;
                });
        return id.get();
    }

    RawHttp.Answer call(int port, String method, String path, String idempotencyKey, Object body) throws IOException {
        List<Map.Entry<String, String>> headers = new java.util.ArrayList<>(List.of(
                Map.entry("Authorization", "Bearer " + supervisor), Map.entry("Accept", "application/json")));
        byte[] bytes = null;
        if (body != null || method.equals("POST")) {
            headers.add(Map.entry("Content-Type", "application/json"));
            bytes = body == null ? new byte[0] : JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        }
        if (idempotencyKey != null) {
            headers.add(Map.entry("Idempotency-Key", idempotencyKey));
        }
        return RawHttp.send(port, new RawHttp.Request(method, path, headers, bytes, false));
    }

    /** A customer-page link token as notification-service signs it (building-blocks' SignedLinks): a day long. */
    private static String link(String secret, String purpose, String... fields) {
        String payload = purpose + "|" + java.time.Instant.now().plus(Duration.ofDays(1)).getEpochSecond()
                + (fields.length == 0 ? "" : "|" + String.join("|", fields));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            return b64.encodeToString(bytes) + "." + b64.encodeToString(mac.doFinal(bytes));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key() {
        return "trust-" + UUID.randomUUID();
    }
}
