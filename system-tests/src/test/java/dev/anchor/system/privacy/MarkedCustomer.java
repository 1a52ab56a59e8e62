package dev.anchor.system.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.system.journey.Anchor;
import dev.anchor.system.journey.Anchor.Caller;
import dev.anchor.system.journey.Propagations;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.anchor.system.journey.Anchor.expect;
import static dev.anchor.system.journey.Anchor.items;
import static dev.anchor.system.journey.Anchor.json;

/**
 * A customer with a history in all four services, made through the public APIs, whose every personal text carries
 * one marker (lower-case letters, unique to the run): name, email, the issue's subject and description, a public
 * comment, the next action, a contact's summary — and so the messages sent to them.
 */
final class MarkedCustomer {

    static final Set<String> WENT_OUT = Set.of("sent", "delivered");

    final String marker;
    final String email;
    final String title;
    final String comment;
    final String nextAction;
    final String contactSummary;
    String customerId;
    String issueId;
    String number;
    String contactId;

    private final Anchor anchor;
    private final Caller agent;
    private final Propagations figures;

    private MarkedCustomer(Anchor anchor, Caller agent, Propagations figures, String marker) {
        this.anchor = anchor;
        this.agent = agent;
        this.figures = figures;
        this.marker = marker;
        this.email = "ada." + marker + "@example.com";
        this.title = "Kettle " + marker + " trips the fuse";
        this.comment = "We are checking the fuse " + marker;
        this.nextAction = "Send a photo of " + marker;
        this.contactSummary = "Call about the kettle " + marker;
    }

    /** Registers the customer, opens an issue the agent owns, comments, sets a next action and logs a contact. */
    static MarkedCustomer create(Anchor anchor, Caller agent, Propagations figures) {
        MarkedCustomer customer = new MarkedCustomer(anchor, agent, figures, "mk" + Anchor.unique(16));
        customer.register();
        customer.openIssue(Map.of());
        customer.commentAndNextAction();
        customer.logContact();
        return customer;
    }

    private void register() {
        customerId = expect(anchor.customers(agent).contentType("application/json")
                .header("Idempotency-Key", Anchor.idempotencyKey())
                .body(Map.of("givenName", "Ada" + marker, "familyName", "Lovelace" + marker,
                        "emails", List.of(Map.of("address", email)), "preferences", Anchor.preferences("email")))
                .post("/customers"), 201, "register the marked customer").path("id").asText();
    }

    /** Opens the issue (owned by the agent), retrying while issue-service's replica does not know the customer. */
    void openIssue(Map<String, Object> extra) {
        String key = Anchor.idempotencyKey();
        Map<String, Object> draft = new java.util.HashMap<>(Map.of("customerId", customerId, "title", title,
                "description", "It trips every time " + marker, "channel", "phone", "takeOwnership", true));
        draft.putAll(extra);
        JsonNode issue = json(figures.await("customer.registered → issue-service opens an issue", Propagations.now(),
                Duration.ofSeconds(60),
                () -> anchor.issues(agent).contentType("application/json").header("Idempotency-Key", key)
                        .body(draft).post("/issues"),
                response -> response.statusCode() != 422 && expect(response, 201, "open the issue") != null));
        issueId = issue.path("id").asText();
        number = issue.path("number").asText();
    }

    private void commentAndNextAction() {
        expect(anchor.issues(agent).contentType("application/json")
                .body(Map.of("text", comment, "visibility", "public"))
                .post("/issues/{id}/comments", issueId), 201, "public comment");
        expect(anchor.issues(agent).contentType("application/json")
                .body(Map.of("what", nextAction, "who", "customer", "dueAt", Anchor.inFuture(Duration.ofDays(2))))
                .put("/issues/{id}/next-action", issueId), 200, "next action");
    }

    private void logContact() {
        contactId = expect(anchor.contacts(agent).contentType("application/json")
                .header("Idempotency-Key", Anchor.idempotencyKey())
                .body(Map.of("customerId", customerId, "issueId", issueId, "channel", "phone", "direction", "inbound",
                        "agentId", agent.sub(), "occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                        "summary", contactSummary, "outcome", "follow_up"))
                .post("/contacts"), 201, "log a contact").path("id").asText();
    }

    /** The customer's notifications, newest first. */
    List<JsonNode> notifications() {
        return items(expect(anchor.notifications(agent).queryParam("customerId", customerId).queryParam("size", 100)
                .get("/notifications"), 200, "the customer's notifications"));
    }

    /**
     * Waits until the opening message went out to the marked address: on its own, or folded into a digest with the
     * comment that followed it (the opening notification is then suppressed as coalesced).
     */
    List<JsonNode> awaitOpeningMessageSent() {
        return figures.await("issue.opened → the opening message sent", Propagations.now(), Duration.ofSeconds(90),
                this::notifications, MarkedCustomer::openingWentOut);
    }

    private static boolean openingWentOut(List<JsonNode> notifications) {
        boolean openingDecided = notifications.stream().anyMatch(n -> "issue.opened".equals(n.at("/trigger/type").asText())
                && !"queued".equals(n.path("status").asText()));
        boolean oneWentOut = notifications.stream().anyMatch(n -> WENT_OUT.contains(n.path("status").asText())
                && ("issue.opened".equals(n.at("/trigger/type").asText()) || "digest".equals(n.path("template").asText())));
        return openingDecided && oneWentOut;
    }
}
