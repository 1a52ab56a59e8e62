package dev.anchor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

/**
 * Customers, issues and contacts as customer-, issue- and contact-service publish them (docs/event-contracts.md).
 * Every builder checks its event against the published schema (docs/events): the consumers park an event that breaks
 * its contract without applying it, so a fixture must keep it. A test of that rejection breaks a valid event after
 * building it.
 */
final class Fixtures {

    static final String CALLBACK_SECRET = "test-callback-secret";
    static final String CUSTOMER_SOURCE = "/anchor/customer-service";
    static final String ISSUE_SOURCE = "/anchor/issue-service";
    static final String CONTACT_SOURCE = "/anchor/contact-service";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final EventPublisher PUBLISHER = new EventPublisher();
    static final Duration WAIT = Duration.ofSeconds(30);

    private Fixtures() {
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestJwt.token(role, role + ".user")).contentType(ContentType.JSON);
    }

    static String uniqueEmail() {
        return "c" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    static String uniquePhone() {
        return "+4477009" + String.format("%05d", ThreadLocalRandom.current().nextInt(100000));
    }

    /** A customer as customer-service carries it in data.customer. */
    static ObjectNode customer(UUID id, long version, String email, String phone, Consumer<ObjectNode> preferences) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("id", id.toString());
        c.put("status", "active");
        c.put("givenName", "Ada");
        c.put("familyName", "Lovelace");
        c.put("displayName", "Ada Lovelace");
        ArrayNode emails = c.putArray("emails");
        if (email != null) {
            emails.addObject().put("address", email).put("primary", true);
        }
        ArrayNode phones = c.putArray("phones");
        if (phone != null) {
            phones.addObject().put("number", phone).put("label", "mobile").put("primary", true);
        }
        c.putArray("addresses");
        c.putArray("externalReferences");
        ObjectNode p = c.putObject("preferences");
        p.put("preferredChannel", "email");
        p.put("fallbackAllowed", false);
        p.put("language", "en");
        p.put("timeZone", "UTC");
        p.putObject("quietHours").put("start", "00:00").put("end", "00:00");
        p.putObject("consent").put("critical", true).put("service", true).put("marketing", false);
        preferences.accept(p);
        c.put("version", version);
        c.put("createdAt", "2026-11-01T10:00:00Z");
        c.put("updatedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return c;
    }

    static ObjectNode customerEvent(String type, ObjectNode customer, String... changed) {
        ObjectNode data = MAPPER.createObjectNode();
        data.set("customer", customer);
        ArrayNode list = data.putArray("changed");
        Arrays.stream(changed).forEach(list::add);
        return valid(EventPublisher.event(CUSTOMER_SOURCE, type, customer.path("id").asText(), data));
    }

    /** customer.merged as customer-service publishes it: {@code retired} folded into {@code customer}, the survivor. */
    static ObjectNode mergedEvent(UUID retired, ObjectNode customer) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("survivorId", customer.path("id").asText());
        data.put("retiredId", retired.toString());
        data.set("customer", customer);
        return valid(EventPublisher.event(CUSTOMER_SOURCE, "customer.merged", customer.path("id").asText(), data));
    }

    /** {@code event}, once it is checked against its published schema. */
    static ObjectNode valid(ObjectNode event) {
        EventSchemas.assertValid(event); // the consumers park what breaks the contract: a fixture must keep it
        return event;
    }

    static void publishCustomer(String type, ObjectNode customer) {
        PUBLISHER.send("customer.events", customerEvent(type, customer, "emails", "phones", "preferences"));
    }

    /** Publishes a customer and waits until the replica holds that version. */
    static void registered(ObjectNode customer) {
        publishCustomer("customer.registered", customer);
        awaitReplica(UUID.fromString(customer.path("id").asText()), customer.path("version").asLong());
    }

    static void awaitReplica(UUID id, long version) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> Replicas.version(id) >= version);
    }

    static ObjectNode issue(UUID id, UUID customerId, String number, long version, String priority) {
        ObjectNode i = MAPPER.createObjectNode();
        i.put("id", id.toString());
        i.put("number", number);
        i.put("customerId", customerId.toString());
        i.put("title", "Washing machine leaks");
        i.put("category", "appliance");
        i.put("priority", priority);
        i.put("channel", "phone");
        i.put("status", "open");
        i.put("statusLabel", "open");
        i.put("customerStatusLabel", "open");
        i.putObject("owner").put("id", "agent.alice").put("displayName", "Alice");
        i.put("version", version);
        i.put("openedAt", "2026-11-23T09:00:00Z");
        i.put("updatedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return i;
    }

    static ObjectNode issueEvent(String type, ObjectNode issue, ObjectNode change) {
        ObjectNode data = MAPPER.createObjectNode();
        data.set("issue", issue);
        data.set("change", change);
        data.putObject("actor").put("role", "agent").put("id", "agent.alice").put("displayName", "Alice")
                .put("channel", "phone");
        return valid(EventPublisher.event(ISSUE_SOURCE, type, issue.path("id").asText(), data));
    }

    static ObjectNode opened(ObjectNode issue) {
        return issueEvent("issue.opened", issue, MAPPER.createObjectNode()
                .put("statusUrl", "https://status.anchor.local/status/tok-" + issue.path("number").asText()));
    }

    static ObjectNode change(Map<String, Object> values) {
        return MAPPER.valueToTree(values);
    }

    static String number() {
        String chars = "ABCDEFGHJKMNPQRSTVWXYZ23456789"; // as issue-service makes them: no I, L, O, U (schema)
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
            if (i == 1) {
                b.append('-');
            }
        }
        return b.toString();
    }

    static void sendIssue(JsonNode event) {
        EventSchemas.assertValid(event); // also what a test changed after building it
        PUBLISHER.send("issue.events", event);
    }

    /** The notifications about an issue once {@code count} exist and none is queued without a retry pending. */
    static List<Map<String, Object>> awaitNotifications(UUID issueId, int count, String... statuses) {
        List<String> wanted = List.of(statuses);
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(
                () -> notifications(issueId),
                list -> list.size() == count && (wanted.isEmpty()
                        || list.stream().map(n -> (String) n.get("status")).sorted().toList()
                        .equals(wanted.stream().sorted().toList())));
    }

    static List<Map<String, Object>> notifications(UUID issueId) {
        JsonPath page = as("system").queryParam("issueId", issueId).queryParam("size", 100).get("/notifications")
                .then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(MailServer.greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
    }

    static void smsProviderAccepts() {
        SmsProvider.server.resetAll();
        SmsProvider.server.stubFor(post(urlEqualTo("/messages")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"sms-{{jsonPath request.body '$.reference'}}\", \"status\": \"accepted\"}")));
    }

    /** customer.erased as customer-service publishes it. */
    static ObjectNode erasedEvent(UUID customerId, UUID... mergedIds) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("customerId", customerId.toString());
        var merged = data.putArray("mergedIds");
        for (UUID id : mergedIds) {
            merged.add(id.toString());
        }
        data.put("erasedAt", "2026-11-23T10:00:00Z");
        return valid(EventPublisher.event(CUSTOMER_SOURCE, "customer.erased", customerId.toString(), data));
    }

    /** customer-service asks every service for its part of a subject-access export. */
    static ObjectNode exportRequested(UUID customerId, String exportId) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("exportId", exportId);
        data.put("customerId", customerId.toString());
        data.put("requestedAt", "2026-11-23T10:00:00Z");
        return valid(EventPublisher.event(CUSTOMER_SOURCE, "customer.export-requested", customerId.toString(), data));
    }

    /** contact.logged as contact-service publishes it, about {@code contact} (data.contact). */
    static ObjectNode contactLogged(ObjectNode contact) {
        ObjectNode data = MAPPER.createObjectNode();
        data.set("contact", contact);
        return valid(EventPublisher.event(CONTACT_SOURCE, "contact.logged", contact.path("id").asText(), data));
    }

    /** contact.amended as contact-service publishes it: {@code contact} after the correction, and who made it why. */
    static ObjectNode contactAmended(ObjectNode contact, ObjectNode amendment) {
        ObjectNode data = MAPPER.createObjectNode();
        data.set("contact", contact);
        data.set("amendment", amendment);
        return valid(EventPublisher.event(CONTACT_SOURCE, "contact.amended", contact.path("id").asText(), data));
    }

    /** Waits until the service recorded {@code event} in its inbox: applied, or deliberately ignored. */
    static void awaitApplied(ObjectNode event) {
        UUID id = UUID.fromString(event.path("id").asText());
        Awaitility.await().atMost(WAIT).until(() ->
                !"0".equals(Replicas.value("select count(*) from inbox_message where event_id = ?", id)));
    }
}
