package dev.anchor.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.EventSchemas;
import io.agroal.api.AgroalDataSource;
import org.awaitility.Awaitility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Events as customer-, issue- and notification-service publish them, shaped exactly as docs/event-contracts.md and
 * their published schemas (docs/events) say, a {@link Publisher} that refuses to send one that is not, and a way to
 * wait until contact-service has applied one (its id is in the inbox).
 */
final class Upstream {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CUSTOMER_SOURCE = "/anchor/customer-service";
    static final String ISSUE_SOURCE = "/anchor/issue-service";
    static final String NOTIFICATION_SOURCE = "/anchor/notification-service";
    static final Duration WAIT = Duration.ofSeconds(20);

    private Upstream() {
    }

    /**
     * Puts events on the broker as the upstream services do. Every event it sends must hold its published contract
     * ({@code docs/events/<type>.schema.json}): contact-service parks one that does not on its dead-letter topic without
     * applying it, so a fixture that breaks the contract fails here, where it is built, instead of as a timeout.
     */
    static final class Publisher extends EventPublisher {

        @Override
        public void send(String topic, JsonNode event) {
            EventSchemas.assertValid(event);
            super.send(topic, event);
        }

        /**
         * Sends, unchecked, an event that deliberately breaks its contract or is of a type without a published schema,
         * to see contact-service refuse or ignore it. Some such events do pass the schema check — it does not assert
         * {@code format} (a customerId "someone", a dueAt "tomorrow") — and are refused by the consumer itself.
         */
        void sendOutOfContract(String topic, JsonNode event) {
            super.send(topic, event);
        }
    }

    // ---- customer.events ----

    static ObjectNode customerState(String id, long version, String givenName, String familyName, String city,
                                    String preferredChannel) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("id", id);
        c.put("status", "active");
        c.put("givenName", givenName);
        c.put("familyName", familyName);
        c.put("displayName", givenName + " " + familyName);
        c.putArray("emails").addObject().put("address", givenName.toLowerCase() + "@example.com").put("label", "home")
                .put("primary", true);
        c.putArray("phones").addObject().put("number", "+447700900123").put("label", "mobile").put("primary", true);
        var addresses = c.putArray("addresses");
        addresses.addObject().put("label", "old").put("line1", "1 Former Street").put("city", "Oldtown")
                .put("country", "GB").put("mailing", false);
        addresses.addObject().put("label", "home").put("line1", "12 Analytical Row").put("postalCode", "EC1A 1AA")
                .put("city", city).put("country", "GB").put("mailing", true);
        c.putArray("externalReferences").addObject().put("system", "loyalty").put("value", "LC-" + id.substring(0, 8));
        ObjectNode preferences = c.putObject("preferences");
        preferences.put("preferredChannel", preferredChannel).put("fallbackAllowed", true).put("language", "en")
                .put("timeZone", "Europe/London");
        preferences.putObject("quietHours").put("start", "21:00").put("end", "08:00");
        preferences.putObject("consent").put("critical", true).put("service", true).put("marketing", false);
        c.put("version", version);
        c.put("createdAt", "2026-11-01T09:00:00Z");
        c.put("updatedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return c;
    }

    static ObjectNode customerChanged(String type, ObjectNode customer, String... changed) {
        ObjectNode data = MAPPER.createObjectNode();
        data.set("customer", customer);
        var list = data.putArray("changed");
        for (String field : changed) {
            list.add(field);
        }
        return EventPublisher.event(CUSTOMER_SOURCE, type, customer.path("id").asText(), data);
    }

    static ObjectNode customerMerged(ObjectNode survivor, String retiredId) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("survivorId", survivor.path("id").asText());
        data.put("retiredId", retiredId);
        data.set("customer", survivor);
        return EventPublisher.event(CUSTOMER_SOURCE, "customer.merged", survivor.path("id").asText(), data);
    }

    static ObjectNode customerErased(String id, String... mergedIds) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("customerId", id);
        var merged = data.putArray("mergedIds");
        for (String m : mergedIds) {
            merged.add(m);
        }
        data.put("erasedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return EventPublisher.event(CUSTOMER_SOURCE, "customer.erased", id, data);
    }

    /** customer-service asks every service for its part of a subject-access export. */
    static ObjectNode exportRequested(String customerId, String exportId) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("exportId", exportId);
        data.put("customerId", customerId);
        data.put("requestedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return EventPublisher.event(CUSTOMER_SOURCE, "customer.export-requested", customerId, data);
    }

    // ---- issue.events ----

    /** An issue as issue-service carries it in every event. */
    static ObjectNode issueState(String id, String customerId, String number, String title, String status, long version,
                                 String nextWhat, String nextWho, OffsetDateTime nextDue) {
        ObjectNode issue = MAPPER.createObjectNode();
        issue.put("id", id);
        issue.put("number", number);
        issue.put("customerId", customerId);
        issue.put("title", title);
        issue.put("category", "fault");
        issue.put("priority", "normal");
        issue.put("channel", "phone");
        issue.put("status", status);
        issue.put("statusLabel", status.replace('_', ' '));
        issue.put("customerStatusLabel", status.replace('_', ' '));
        issue.putObject("owner").put("id", "agent.alice").put("displayName", "Alice");
        if (nextWhat != null) {
            issue.putObject("nextAction").put("what", nextWhat).put("who", nextWho).put("dueAt", nextDue.toString());
        }
        issue.put("version", version);
        issue.put("openedAt", "2026-11-20T09:00:00Z");
        issue.put("updatedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return issue;
    }

    /** The issue shared with the store or repair partner at {@code location} ({@code issue.locationId}). */
    static ObjectNode sharedWith(ObjectNode issue, String location) {
        issue.put("locationId", location);
        return issue;
    }

    static ObjectNode issueEvent(String type, ObjectNode issue, ObjectNode change, String actorChannel, OffsetDateTime time) {
        ObjectNode data = MAPPER.createObjectNode();
        data.set("issue", issue);
        data.set("change", change);
        data.putObject("actor").put("role", "agent").put("id", "agent.alice").put("displayName", "Alice")
                .put("channel", actorChannel);
        ObjectNode event = EventPublisher.event(ISSUE_SOURCE, type, issue.path("id").asText(), data);
        event.put("time", time.toString());
        return event;
    }

    /** A readable issue number as issue-service makes them (e.g. K7-4QX9), derived from {@code seed}. */
    static String issueNumber(String seed) {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder number = new StringBuilder("K7-");
        for (int i = 0; i < 4; i++) {
            number.append(alphabet.charAt(Math.floorMod(seed.charAt(i) * 31 + i, alphabet.length())));
        }
        return number.toString();
    }

    /** The change of an issue.opened event: the customer's status page link issue-service made with it. */
    static ObjectNode openedChange() {
        return change().put("statusUrl", "https://status.example/s/" + UUID.randomUUID());
    }

    /** The change of an issue.next-action-set event: the issue's new next action. */
    static ObjectNode nextActionChange(String what, String who, OffsetDateTime dueAt) {
        return change().put("what", what).put("who", who).put("dueAt", dueAt.toString());
    }

    /** The change of an issue.commented event. */
    static ObjectNode comment(String visibility, String text) {
        ObjectNode change = change().put("commentId", UUID.randomUUID().toString()).put("visibility", visibility);
        change.putObject("author").put("role", "agent").put("id", "agent.alice").put("displayName", "Alice");
        return change.put("text", text);
    }

    static ObjectNode change() {
        return MAPPER.createObjectNode();
    }

    // ---- notification.events ----

    static ObjectNode notificationEvent(String type, String id, String customerId, String issueId, String channel,
                                        String status, String summary, OffsetDateTime createdAt) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", id);
        n.put("customerId", customerId);
        if (issueId != null) {
            n.put("issueId", issueId);
        }
        n.putObject("trigger").put("eventId", UUID.randomUUID().toString()).put("type", "issue.opened");
        n.put("category", "service");
        n.put("channel", channel);
        n.put("status", status);
        if (status.equals("failed") || status.equals("suppressed")) {
            n.put("reason", "mailbox unavailable");
        }
        n.put("template", "issue-opened");
        n.put("language", "en");
        if (channel.equals("email")) {
            n.put("subject", "Your issue has been opened");
        }
        n.put("summary", summary);
        n.put("attempts", 1);
        n.put("createdAt", createdAt.toString());
        if (!status.equals("queued") && !status.equals("suppressed")) {
            n.put("sentAt", createdAt.plusSeconds(1).toString());
        }
        if (status.equals("delivered")) {
            n.put("deliveredAt", createdAt.plusSeconds(2).toString());
        }
        ObjectNode data = MAPPER.createObjectNode();
        data.set("notification", n);
        return EventPublisher.event(NOTIFICATION_SOURCE, type, id, data);
    }

    /**
     * The ids of a timeline page in order, keeping only those the test caused: other services on the shared broker
     * (e.g. a running notification-service) may react to the test's events with events of their own.
     */
    static List<String> only(io.restassured.response.Response timeline, String... known) {
        List<String> ids = timeline.then().statusCode(200).extract().path("items.id");
        List<String> wanted = List.of(known);
        return ids.stream().filter(wanted::contains).toList();
    }

    // ---- waiting for contact-service ----

    /** Waits until contact-service recorded {@code event} in its inbox, i.e. applied (or deliberately ignored) it. */
    static void awaitApplied(AgroalDataSource db, ObjectNode event) {
        String id = event.path("id").asText();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> count(db, "select count(*) from inbox_message where event_id = ?::uuid", id) == 1);
    }

    static long count(AgroalDataSource db, String sql, Object... params) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The tables of contact-service's schema (its own and the shared ones). */
    static List<String> tables(AgroalDataSource db) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""");
             ResultSet rows = query.executeQuery()) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
