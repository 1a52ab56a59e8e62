package dev.anchor.system.journey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.system.journey.Anchor.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import static dev.anchor.system.journey.Anchor.expect;
import static dev.anchor.system.journey.Anchor.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The smaller journey for customers who prefer SMS: an agent opens an issue for them and takes it; exactly one SMS
 * reaches the sink, with the issue number and the status link, in one or two segments.
 */
@ExtendWith(RunningSuite.Extension.class)
class SmsJourneyTest {

    private static final Propagations FIGURES = new Propagations("sms journey");
    private static final Set<String> SETTLED = Set.of("sent", "delivered", "failed", "suppressed");

    private final RunningSuite suite = RunningSuite.get();
    private final Anchor anchor = new Anchor(suite);
    private final Sinks sinks = new Sinks(suite);
    private final Caller agent = Caller.agent("agent.sms." + Anchor.unique(6));

    @AfterAll
    static void printFigures() {
        System.out.println(FIGURES.table("SMS journey propagation"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void anSmsCustomerGetsOneShortTextWithTheNumberAndTheStatusLink() {
        suite.token(agent.role(), agent.sub()); // minted before anything is measured
        String phone = Anchor.uniquePhone();
        String name = "Grace" + Anchor.unique(8);
        JsonNode customer = expect(anchor.customers(agent).contentType("application/json")
                .header("Idempotency-Key", Anchor.idempotencyKey())
                .body(Map.of("givenName", name, "familyName", "Hopper",
                        "phones", List.of(Map.of("number", phone, "label", "mobile")),
                        "preferences", Anchor.preferences("sms")))
                .post("/customers"), 201, "register an SMS customer");
        long registered = Propagations.now(); // from the moment the registration was answered (committed)
        String customerId = customer.path("id").asText();
        assertEquals("sms", customer.at("/preferences/preferredChannel").asText());

        JsonNode issue = openIssue(customerId, registered);
        String number = issue.path("number").asText();
        assertEquals(agent.sub(), issue.at("/owner/id").asText(), "takeOwnership made the agent its owner");

        long opened = Propagations.now();
        List<Sinks.Sms> received = FIGURES.await("issue.opened → SMS at the sink", opened,
                () -> sinks.sms(phone), list -> !list.isEmpty());

        // Every message the opening caused is decided (opened, and the first owner's issue.assigned) before counting.
        List<JsonNode> notifications = FIGURES.await("issue.opened → all its notifications decided", opened,
                () -> items(expect(anchor.notifications(agent).queryParam("issueId", issue.path("id").asText())
                        .get("/notifications"), 200, "notifications of the issue")),
                list -> list.stream().map(n -> n.at("/trigger/type").asText()).toList()
                        .containsAll(List.of("issue.opened", "issue.assigned"))
                        && list.stream().allMatch(n -> SETTLED.contains(n.path("status").asText())));
        List<JsonNode> sent = notifications.stream()
                .filter(n -> Set.of("sent", "delivered").contains(n.path("status").asText())).toList();
        assertEquals(1, sent.size(), "one message goes out for the opening: " + notifications);
        JsonNode opening = sent.getFirst();
        assertEquals("issue.opened", opening.at("/trigger/type").asText());
        assertEquals("sms", opening.path("channel").asText());
        notifications.forEach(n -> assertEquals("sms", n.path("channel").asText(), "the preferred channel: " + n));

        received = sinks.sms(phone);
        assertEquals(1, received.size(), "exactly one SMS: " + received);
        Sinks.Sms sms = received.getFirst();
        assertEquals(opening.path("id").asText(), sms.reference(), "the SMS carries its notification id as reference");
        assertFalse(sms.from().isBlank(), "a sender id");
        assertTrue(sms.text().contains(number), "the issue number: " + sms.text());
        Matcher link = Sinks.STATUS_LINK.matcher(sms.text());
        assertTrue(link.find(), "the status link: " + sms.text());
        assertTrue(link.group().startsWith(suite.issueService() + "/status/"), "a link to issue-service: " + link.group());

        boolean gsm = Sinks.gsm7(sms.text());
        int segments = Sinks.segments(sms.text());
        assertTrue(segments >= 1 && segments <= 2, (gsm ? "GSM-7" : "UCS-2") + " text in " + segments
                + " segments (" + sms.text().length() + " chars): " + sms.text());
        assertTrue(sms.text().length() <= (gsm ? 306 : 134), "fits two segments: " + sms.text().length());
        System.out.printf("[sms journey] %s, %d chars, %d segment(s): %s%n", gsm ? "GSM-7" : "UCS-2",
                sms.text().length(), segments, sms.text());

        // The link in the SMS is the customer's working status page.
        JsonNode page = expect(Anchor.http().accept("application/json").get(link.group()),
                200, "the status page from the SMS link");
        assertEquals(number, page.path("number").asText());
        assertEquals(issue.path("customerStatusLabel").asText(), page.path("statusLabel").asText());
    }

    /**
     * Opens the issue once issue-service's replica knows the new customer (until then it answers 422); the same
     * Idempotency-Key on every try, so a retry can never open a second issue.
     */
    private JsonNode openIssue(String customerId, long registered) {
        String key = Anchor.idempotencyKey();
        Map<String, Object> draft = Map.of("customerId", customerId, "title", "Router keeps dropping the line",
                "channel", "phone", "priority", "normal", "takeOwnership", true);
        return Anchor.json(FIGURES.await("customer.registered → issue can be opened", registered,
                () -> anchor.issues(agent).contentType("application/json").header("Idempotency-Key", key)
                        .header("Anchor-Channel", "phone").body(draft).post("/issues"),
                response -> {
                    if (response.statusCode() == 422) {
                        return false; // "not known to issue-service" yet
                    }
                    expect(response, 201, "open the issue");
                    return true;
                }));
    }
}
