package dev.anchor.customer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.TestJwt;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** issue.events as issue-service publishes them (checked against their schemas), and partner tokens by location. */
final class IssueShareFixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private IssueShareFixtures() {
    }

    /** A partner of {@code location}; null: a partner token that names no location. */
    static String partnerAt(String location) {
        return location == null ? TestJwt.token("partner", "partner.nowhere")
                : TestJwt.token("partner", "partner." + location, Map.of("location", location));
    }

    /** A location of this test alone, so counts are not disturbed by other tests' shares. */
    static String newLocation(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code issue.opened} for a new issue of {@code customerId}, opened at {@code location} (null: nowhere). */
    static ObjectNode opened(String issueId, String customerId, String location) {
        ObjectNode change = MAPPER.createObjectNode().put("statusUrl", "https://status.example/s/" + issueId);
        return event("issue.opened", issueId, customerId, 0, location == null ? List.of() : List.of(location),
                location, change);
    }

    /** {@code issue.shared}: the issue, now shared with {@code locations}, is shared with {@code location} too. */
    static ObjectNode shared(String issueId, String customerId, long version, String location, List<String> locations) {
        return event("issue.shared", issueId, customerId, version, locations, null,
                MAPPER.createObjectNode().put("locationId", location));
    }

    /** {@code issue.unshared}: the issue, now shared with {@code locations}, is no longer shared with {@code location}. */
    static ObjectNode unshared(String issueId, String customerId, long version, String location, List<String> locations) {
        return event("issue.unshared", issueId, customerId, version, locations, null,
                MAPPER.createObjectNode().put("locationId", location));
    }

    /** An event that shares nothing: the issue's status changed. */
    static ObjectNode statusChanged(String issueId, String customerId, long version, List<String> locations) {
        return event("issue.status-changed", issueId, customerId, version, locations, null,
                MAPPER.createObjectNode().put("from", "open").put("to", "in_progress"));
    }

    private static ObjectNode event(String type, String issueId, String customerId, long version, List<String> locations,
                                    String openedAt, ObjectNode change) {
        ObjectNode issue = MAPPER.createObjectNode();
        issue.put("id", issueId);
        issue.put("number", number(issueId));
        issue.put("customerId", customerId);
        issue.put("title", "Router drops the connection");
        issue.put("priority", "normal");
        issue.put("channel", "phone");
        issue.put("status", "open");
        issue.put("statusLabel", "Open");
        issue.put("customerStatusLabel", "Received");
        issue.put("version", version);
        issue.put("openedAt", "2026-11-20T09:00:00Z");
        issue.put("updatedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        ArrayNode shares = issue.putArray("locations");
        locations.stream().sorted().forEach(shares::add);
        if (openedAt != null) {
            issue.put("locationId", openedAt);
        }
        ObjectNode data = MAPPER.createObjectNode();
        data.set("issue", issue);
        data.set("change", change);
        data.putObject("actor").put("role", "agent").put("id", "agent.alice").put("displayName", "Alice")
                .put("channel", "phone");
        ObjectNode event = EventPublisher.event("/anchor/issue-service", type, issueId, data);
        EventSchemas.assertValid(event);
        return event;
    }

    /** A readable issue number of the shape issue-service makes (K7-4QX9), derived from the id. */
    private static String number(String issueId) {
        StringBuilder number = new StringBuilder("K7-");
        for (int i = 0; i < 4; i++) {
            number.append(ALPHABET.charAt(Math.floorMod(issueId.charAt(i) * 31 + i, ALPHABET.length())));
        }
        return number.toString();
    }

    /** Publishes {@code event} on issue.events and waits until customer-service's consumer has claimed it. */
    static void publishAndAwait(EventPublisher publisher, DataSource dataSource, ObjectNode event) {
        publisher.send("issue.events", event);
        awaitClaimed(dataSource, event);
    }

    static void awaitClaimed(DataSource dataSource, ObjectNode event) {
        await().atMost(WAIT).until(() -> ExportFixtures.count(dataSource,
                "select count(*) from inbox_message where event_id = ? and consumer = 'customer-service.issue.events'",
                event.get("id").asText()) == 1);
    }
}
