package dev.anchor.issue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.TestJwt;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Staff tokens, customers put on customer.events as customer-service would, and issues opened through the API. */
final class IssueFixtures {

    static final String ALICE_ID = "agent.alice";
    static final String AGENT = TestJwt.token("agent", ALICE_ID, Map.of("name", "Alice Archer"));
    static final String BOB_ID = "agent.bob";
    static final String BOB = TestJwt.token("agent", BOB_ID, Map.of("name", "Bob Baker"));
    static final String SUPERVISOR = TestJwt.token("supervisor", "supervisor.sam", Map.of("name", "Sam Supervisor"));
    static final String PARTNER = TestJwt.token("partner", "partner.store-12", Map.of("name", "Store 12", "location", "store-12"));
    static final String OTHER_PARTNER = TestJwt.token("partner", "partner.store-99", Map.of("location", "store-99"));
    static final String SYSTEM = TestJwt.token("system", "contact-service");

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private IssueFixtures() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A customer as customer.events carries it, with its replica in place before it returns. */
    static UUID customer() {
        return customer("Ada Lovelace", "de", "Europe/Berlin");
    }

    static UUID customer(String displayName, String language, String timeZone) {
        UUID id = UUID.randomUUID();
        publishCustomer("customer.registered", customerState(id, displayName, language, timeZone, 0, "active"));
        awaitReplica(id, 0);
        return id;
    }

    static ObjectNode customerState(UUID id, String displayName, String language, String timeZone, long version, String status) {
        ObjectNode customer = MAPPER.createObjectNode();
        customer.put("id", id.toString());
        customer.put("status", status);
        customer.put("givenName", displayName.split(" ")[0]);
        customer.put("displayName", displayName);
        customer.putArray("emails");
        customer.putArray("phones");
        customer.putArray("addresses");
        customer.putArray("externalReferences");
        ObjectNode preferences = customer.putObject("preferences");
        preferences.put("preferredChannel", "email");
        preferences.put("language", language);
        preferences.put("timeZone", timeZone);
        preferences.putObject("consent").put("critical", true).put("service", true).put("marketing", false);
        customer.put("version", version);
        customer.put("createdAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        customer.put("updatedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return customer;
    }

    /** Publishes a customer event whose data is {customer, changed: []}; returns the envelope sent. */
    static ObjectNode publishCustomer(String type, ObjectNode customer) {
        ObjectNode data = MAPPER.createObjectNode();
        data.set("customer", customer);
        data.putArray("changed");
        return publish(type, customer.path("id").asText(), data);
    }

    /**
     * A contact.logged as contact-service publishes it (every field its contract requires; an agent logged it), for
     * the issue and customer given, with {@code fields} set on top.
     */
    static ObjectNode contactLogged(String issueId, UUID customerId, java.util.function.Consumer<ObjectNode> fields) {
        ObjectNode data = MAPPER.createObjectNode();
        ObjectNode contact = data.putObject("contact");
        contact.put("id", UUID.randomUUID().toString());
        contact.put("customerId", customerId.toString());
        contact.put("issueId", issueId);
        contact.put("channel", "phone");
        contact.put("direction", "inbound");
        contact.put("agentId", "agent.alice");
        contact.put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString());
        contact.put("outcome", "follow_up");
        contact.put("summaryRequested", false);
        contact.put("version", 0);
        fields.accept(contact);
        ObjectNode event = EventPublisher.event("/anchor/contact-service", "contact.logged", contact.path("id").asText(),
                data);
        EventSchemas.assertValid(event);
        return event;
    }

    /**
     * A notification event ({@code notification.sent}, {@code .failed}, {@code .suppressed}) as notification-service
     * publishes it, about the issue, with its summary and, when not sent, its reason.
     */
    static ObjectNode notificationEvent(String type, String issueId, UUID customerId, String channel, String summary,
                                        String reason) {
        String status = type.substring("notification.".length());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ObjectNode data = MAPPER.createObjectNode();
        ObjectNode n = data.putObject("notification");
        n.put("id", UUID.randomUUID().toString());
        n.put("customerId", customerId.toString());
        n.put("issueId", issueId);
        n.putObject("trigger").put("eventId", UUID.randomUUID().toString()).put("type", "issue.opened");
        n.put("category", "service");
        n.put("channel", channel);
        n.put("status", status);
        n.put("template", "issue-opened");
        n.put("language", "en");
        n.put("summary", summary);
        n.put("attempts", 1);
        n.put("createdAt", now.minusMinutes(1).toString());
        if ("sent".equals(status)) {
            n.put("sentAt", now.toString());
        }
        if (reason != null) {
            n.put("reason", reason);
        }
        ObjectNode event = EventPublisher.event("/anchor/notification-service", type, n.path("id").asText(), data);
        EventSchemas.assertValid(event);
        return event;
    }

    static ObjectNode publish(String type, String subject, ObjectNode data) {
        ObjectNode event = EventPublisher.event("/anchor/customer-service", type, subject, data);
        EventSchemas.assertValid(event); // the consumers park what breaks the contract: a fixture must keep it
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send("customer.events", event);
        }
        return event;
    }

    static void awaitReplica(UUID id, long version) {
        Awaitility.await().atMost(WAIT).until(() -> replicaVersion(id) >= version);
    }

    /** The replica's version, or -2 when the customer is not known. */
    static long replicaVersion(UUID id) throws SQLException {
        String value = sql("select version from customer_replica where id = ?", id);
        return value == null ? -2 : Long.parseLong(value);
    }

    /** The first column of the first row of {@code query}, or null. */
    static String sql(String query, Object... parameters) throws SQLException {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    static String issueJson(UUID customerId) {
        return """
                {"customerId": "%s", "title": "Washing machine leaks", "description": "Water under the door since Monday",
                 "category": "appliance", "priority": "high", "channel": "phone", "locationId": "store-12"}"""
                .formatted(customerId);
    }

    static Response open(UUID customerId) {
        return as(AGENT).body(issueJson(customerId)).post("/issues");
    }

    /** A new issue for a new customer; answers its id. */
    static String openIssue() {
        return open(customer()).then().statusCode(201).extract().path("id");
    }

    /** A new issue owned by Alice. */
    static String ownedIssue() {
        String id = openIssue();
        as(AGENT).post("/issues/{id}/assignment", id).then().statusCode(200);
        return id;
    }

    static Response moveTo(String token, String id, String status) {
        return as(token).body(Map.of("status", status)).post("/issues/{id}/status", id);
    }

    static long version(String id) {
        return Long.parseLong(as(SUPERVISOR).get("/issues/{id}", id).then().statusCode(200).extract().path("version").toString());
    }
}
