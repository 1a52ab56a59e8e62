package dev.anchor.system.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.system.journey.Anchor;
import dev.anchor.system.journey.Anchor.Caller;
import dev.anchor.system.journey.Propagations;
import dev.anchor.system.journey.RunningSuite;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static dev.anchor.system.journey.Anchor.expect;
import static dev.anchor.system.journey.Anchor.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracker issue 12: erasure across the running suite. A customer whose marker is in every personal text the four
 * services hold is erased while more about their issue is still arriving; once that has settled, no API of any service
 * answers the marker and no column of any of the four databases holds it (outboxes drained first).
 */
@ExtendWith(RunningSuite.Extension.class)
class ErasureAcrossServicesTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);

    private final RunningSuite suite = RunningSuite.get();
    private final Anchor anchor = new Anchor(suite);
    private final Propagations figures = new Propagations("erasure across services");
    private final String run = Anchor.unique(8);
    private final Caller agent = Caller.agent("agent.erasure." + run);
    private final Caller supervisor = Caller.supervisor("supervisor.erasure." + run);

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void anErasedCustomersMarkerIsInNoApiAndNoColumnOfAnyService() {
        MarkedCustomer customer = MarkedCustomer.create(anchor, agent, figures);
        String statusUrl = expect(anchor.issues(agent).contentType("application/json").post("/issues/{id}/status-link", customer.issueId), 201,
                "a status-page link").path("statusUrl").asText();
        customer.awaitOpeningMessageSent();
        // the marker must first be everywhere, or finding it nowhere afterwards would prove nothing
        Map<String, List<String>> before = figures.await("the marker reaches every service's database", Propagations.now(),
                PROPAGATION, () -> Databases.columnsHolding(customer.marker), found -> found.keySet().containsAll(Databases.SERVICES));
        System.out.println("[erasure] before the erasure the marker is in " + before);
        assertEquals(List.of("customer-service", "issue-service", "contact-service", "notification-service"),
                servicesServing(customer, statusUrl), "the marker is served by every service before the erasure");

        long erased = Propagations.now();
        assertEquals(204, anchor.customers(supervisor).delete("/customers/{id}", customer.customerId).statusCode(), "erase");
        Late late = lateEvents(customer);
        System.out.println("[erasure] late comment: " + late.comment + ", late contact: " + late.contact);

        // settled: every service applied it, the late events landed, and nothing about the customer waits in an outbox
        figures.await("customer.erased and the late events → settled in every service", erased, PROPAGATION,
                () -> settlement(customer, statusUrl, late), List::isEmpty);
        assertEquals(List.of(), placesServing(customer, statusUrl), "no API answers the marker after the erasure");
        assertEquals(Map.of(), Databases.columnsHolding(customer.marker), "no column of any database holds the marker");
    }

    /** What the APIs answered to the late writes: a comment by staff (issue-service) and a contact (contact-service). */
    private record Late(int comment, int contact) {
    }

    private Late lateEvents(MarkedCustomer customer) {
        // a staff command waits for the erasure's lock and then reads the issue as the erasure left it: never a 412
        Response comment = lateComment(customer);
        Response contact = anchor.contacts(agent).contentType("application/json")
                .header("Idempotency-Key", Anchor.idempotencyKey())
                .body(Map.of("customerId", customer.customerId, "issueId", customer.issueId, "channel", "email",
                        "direction", "inbound", "agentId", agent.sub(),
                        "occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                        "summary", "A late email " + customer.marker, "outcome", "other"))
                .post("/contacts");
        // accepted (and written erased) or refused as gone: anything else is a defect
        assertTrue(List.of(201, 410).contains(comment.statusCode()), "late comment: " + comment.statusCode() + " " + comment.asString());
        assertTrue(List.of(201, 410).contains(contact.statusCode()), "late contact: " + contact.statusCode() + " " + contact.asString());
        return new Late(comment.statusCode(), contact.statusCode());
    }

    private Response lateComment(MarkedCustomer customer) {
        return anchor.issues(agent).contentType("application/json")
                .body(Map.of("text", "A late comment " + customer.marker, "visibility", "public"))
                .post("/issues/{id}/comments", customer.issueId);
    }

    /** What is still to happen, as readable lines; empty once the erasure and the late events settled everywhere. */
    private List<String> settlement(MarkedCustomer customer, String statusUrl, Late late) {
        List<String> open = new ArrayList<>();
        Databases.outboxRowsMentioning(customer.customerId).forEach((service, rows) ->
                open.add(service + "-service outbox still holds " + rows + " message(s) about the customer"));
        if (anchor.contacts(supervisor).get("/customers/{id}/timeline", customer.customerId).statusCode() != 410) {
            open.add("contact-service has not applied the erasure (timeline not 410)");
        }
        JsonNode issue = expect(anchor.issues(supervisor).get("/issues/{id}", customer.issueId), 200, "the issue");
        if (!"[erased]".equals(issue.path("title").asText())) {
            open.add("issue-service has not applied the erasure (title " + issue.path("title") + ")");
        }
        List<JsonNode> trail = items(expect(anchor.issues(supervisor).queryParam("size", 100)
                .get("/issues/{id}/timeline", customer.issueId), 200, "the issue's trail"));
        long contacts = trail.stream().filter(e -> e.path("kind").asText().startsWith("contact.")).count();
        if (late.contact == 201 && contacts < 2) {
            open.add("the late contact is not on the issue's trail yet (" + contacts + " contact entries)");
        }
        List<JsonNode> notifications = customer.notifications();
        // one notification per public comment: the late one makes the second, decided (suppressed) once it is erased
        List<JsonNode> comments = notifications.stream()
                .filter(n -> "issue.commented".equals(n.at("/trigger/type").asText())).toList();
        if (late.comment == 201 && (comments.size() < 2 || comments.stream().anyMatch(n -> "queued".equals(n.path("status").asText())))) {
            open.add("notification-service has not decided on the late comment yet: " + comments);
        }
        placesServing(customer, statusUrl).forEach(place -> open.add("still served: " + place));
        Databases.columnsHolding(customer.marker).forEach((service, columns) ->
                open.add(service + "-service still holds the marker in " + columns));
        return open;
    }

    private List<String> servicesServing(MarkedCustomer customer, String statusUrl) {
        return placesServing(customer, statusUrl).stream().map(place -> place.substring(0, place.indexOf(' ')))
                .distinct().sorted((a, b) -> order(a) - order(b)).toList();
    }

    private static int order(String service) {
        return Databases.SERVICES.indexOf(service.replace("-service", ""));
    }

    /** Every API answer about the customer that holds the marker, as "service request (status)". */
    private List<String> placesServing(MarkedCustomer customer, String statusUrl) {
        Map<String, Response> answers = new TreeMap<>();
        String id = customer.customerId;
        answers.put("customer-service GET /customers/{id}", anchor.customers(supervisor).get("/customers/{id}", id));
        answers.put("customer-service GET /customers?email=", anchor.customers(supervisor).queryParam("email", customer.email).get("/customers"));
        answers.put("customer-service GET /customers?q=", anchor.customers(supervisor).queryParam("q", customer.marker).get("/customers"));
        answers.put("customer-service GET /customers/{id}/export", anchor.customers(supervisor).get("/customers/{id}/export", id));
        answers.put("issue-service GET /issues/{id}", anchor.issues(supervisor).get("/issues/{id}", customer.issueId));
        answers.put("issue-service GET /issues/{number}", anchor.issues(supervisor).get("/issues/{number}", customer.number));
        answers.put("issue-service GET /issues?customerId=", anchor.issues(supervisor).queryParam("customerId", id).get("/issues"));
        answers.put("issue-service GET /issues/{id}/timeline", anchor.issues(supervisor).queryParam("size", 100).get("/issues/{id}/timeline", customer.issueId));
        answers.put("issue-service GET /status/{token} (JSON)", Anchor.http().accept("application/json").get(statusUrl));
        answers.put("issue-service GET /status/{token} (HTML)", Anchor.http().accept("text/html").get(statusUrl));
        answers.put("contact-service GET /customers/{id}/timeline", anchor.contacts(supervisor).queryParam("size", 100).get("/customers/{id}/timeline", id));
        answers.put("contact-service GET /customers/{id}/summary", anchor.contacts(supervisor).get("/customers/{id}/summary", id));
        answers.put("contact-service GET /customers/{id}/contacts", anchor.contacts(supervisor).queryParam("size", 100).get("/customers/{id}/contacts", id));
        answers.put("contact-service GET /contacts/{id}", anchor.contacts(supervisor).get("/contacts/{id}", customer.contactId));
        answers.put("contact-service GET /contacts/{id}/amendments", anchor.contacts(supervisor).get("/contacts/{id}/amendments", customer.contactId));
        Response notifications = anchor.notifications(supervisor).queryParam("customerId", id).queryParam("size", 100).get("/notifications");
        answers.put("notification-service GET /notifications?customerId=", notifications);
        if (notifications.statusCode() == 200) {
            for (JsonNode n : items(Anchor.json(notifications))) {
                answers.put("notification-service GET /notifications/" + n.path("id").asText(),
                        anchor.notifications(supervisor).get("/notifications/{id}", n.path("id").asText()));
            }
        }
        List<String> serving = new ArrayList<>();
        answers.forEach((where, response) -> {
            if (response.asString().contains(customer.marker)) {
                serving.add(where + " (" + response.statusCode() + ")");
            }
        });
        return serving;
    }
}
