package dev.anchor.system.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.system.journey.Anchor;
import dev.anchor.system.journey.Anchor.Caller;
import dev.anchor.system.journey.Propagations;
import dev.anchor.system.journey.RunningSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static dev.anchor.system.journey.Anchor.expect;
import static dev.anchor.system.journey.Anchor.items;
import static dev.anchor.system.journey.Anchor.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracker issue 12: a partner sees an issue, in issue-service and in contact-service's timeline and contacts, and its
 * customer in customer-service (read and search), exactly while it is shared with the partner's location — shared by
 * the owner or by a next action at that location — and never the customer summary or notification-service's lists.
 */
@ExtendWith(RunningSuite.Extension.class)
class PartnerScopeAcrossServicesTest {

    /** "Within seconds": the share travels issue.events → contact-service's replica and customer-service's shares. */
    private static final Duration SECONDS = Duration.ofSeconds(20);

    private final RunningSuite suite = RunningSuite.get();
    private final Anchor anchor = new Anchor(suite);
    private final Propagations figures = new Propagations("partner scope across services");
    private final String run = Anchor.unique(8);
    private final Caller owner = Caller.agent("agent.owner." + run);
    private final Caller storeA = Caller.partner("store.a." + run, "store-a-" + run);
    private final Caller storeB = Caller.partner("store.b." + run, "store-b-" + run);
    private final Caller repairCentre = Caller.partner("repair.c." + run, "repair-c-" + run);

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aPartnerSeesAnIssueEverywhereExactlyWhileItIsSharedWithItsLocation() {
        MarkedCustomer customer = MarkedCustomer.create(anchor, owner, figures);
        expect(anchor.issues(owner).contentType("application/json")
                .body(Map.of("kind", "other", "note", "Lent a kettle " + customer.marker))
                .post("/issues/{id}/actions", customer.issueId), 201, "the owner's action");
        expect(anchor.issues(owner).contentType("application/json")
                .body(Map.of("text", "Staff only " + customer.marker, "visibility", "internal"))
                .post("/issues/{id}/comments", customer.issueId), 201, "an internal comment");
        // staff see the whole history first, or a partner's empty view would prove nothing
        figures.await("the issue's history on the timeline (staff)", Propagations.now(), SECONDS,
                () -> PartnerView.of(anchor, owner, customer),
                view -> view.timelineTypes().containsAll(MarkedHistory.TYPES) && view.internalOnTimeline());
        JsonNode opened = expect(anchor.issues(owner).get("/issues/{id}", customer.issueId), 200, "the issue");
        assertTrue(opened.path("locations").isArray(), "the view lists its locations: " + opened);
        assertEquals(List.of(), locations(opened), "opened without a location: shared with nobody");

        PartnerView unshared = PartnerView.of(anchor, storeA, customer);
        assertTrue(unshared.seesNothing(), "store A before the share: " + unshared);

        long shared = Propagations.now();
        JsonNode issue = expect(anchor.issues(owner).put("/issues/{id}/shares/{location}", customer.issueId,
                storeA.location()), 200, "the owner shares with store A");
        assertEquals(List.of(storeA.location()), locations(issue));
        assertEquals(200, anchor.issues(storeA).get("/issues/{id}", customer.issueId).statusCode(),
                "issue-service: store A sees it at once");
        PartnerView sharedView = figures.await("issue.shared → store A sees the issue's history (contact-service)",
                shared, SECONDS, () -> PartnerView.of(anchor, storeA, customer), PartnerView::seesTheIssueAndItsHistory);
        assertFalse(sharedView.internalOnTimeline(), "never the internal comment");
        PartnerView other = PartnerView.of(anchor, storeB, customer);
        assertTrue(other.seesNothing(), "store B while the issue is shared with store A: " + other);

        long unshare = Propagations.now();
        issue = expect(anchor.issues(owner).delete("/issues/{id}/shares/{location}", customer.issueId,
                storeA.location()), 200, "the owner ends the share");
        assertEquals(List.of(), locations(issue));
        assertEquals(404, anchor.issues(storeA).get("/issues/{id}", customer.issueId).statusCode(),
                "issue-service: 404 to store A at once");
        figures.await("issue.unshared → store A sees nothing again (both services)", unshare, SECONDS,
                () -> PartnerView.of(anchor, storeA, customer), PartnerView::seesNothing);
        assertTrue(PartnerView.of(anchor, storeB, customer).seesNothing(), "store B still sees nothing");

        // a next action at a place shares the issue with that place
        assertTrue(PartnerView.of(anchor, repairCentre, customer).seesNothing(), "the repair centre before");
        long atPlace = Propagations.now();
        issue = expect(anchor.issues(owner).contentType("application/json")
                .body(Map.of("what", "Repair the kettle", "who", "partner", "dueAt", Anchor.inFuture(Duration.ofDays(3)),
                        "locationId", repairCentre.location()))
                .put("/issues/{id}/next-action", customer.issueId), 200, "a next action at the repair centre");
        assertEquals(repairCentre.location(), issue.at("/nextAction/locationId").asText());
        assertEquals(List.of(repairCentre.location()), locations(issue), "the next action shared the issue");
        figures.await("next action at a location → the repair centre sees the issue (both services)", atPlace, SECONDS,
                () -> PartnerView.of(anchor, repairCentre, customer), PartnerView::seesTheIssueAndItsHistory);
        assertTrue(PartnerView.of(anchor, storeA, customer).seesNothing(), "store A still sees nothing");
    }

    @Test
    void partnersMayNotReadTheSummaryNorNotificationServicesListsWhichStaffMay() {
        MarkedCustomer customer = MarkedCustomer.create(anchor, owner, figures);
        long shared = Propagations.now();
        expect(anchor.issues(owner).put("/issues/{id}/shares/{location}", customer.issueId, storeA.location()), 200,
                "shared with store A, so the partner is not refused for want of a share");
        String notificationId = customer.awaitOpeningMessageSent().getFirst().path("id").asText();
        Map<String, String> reads = Map.of(
                "contact-service GET /customers/{id}/summary", suite.contactService() + "/customers/" + customer.customerId + "/summary",
                "notification-service GET /notifications?customerId=", suite.notificationService() + "/notifications?customerId=" + customer.customerId,
                "notification-service GET /notifications", suite.notificationService() + "/notifications",
                "notification-service GET /notifications/{id}", suite.notificationService() + "/notifications/" + notificationId,
                "notification-service GET /templates", suite.notificationService() + "/templates");
        reads.forEach((what, url) -> {
            assertEquals(200, anchor.as(owner, url).get().statusCode(), what + " as an agent");
            var refused = anchor.as(storeA, url).get();
            assertEquals(403, refused.statusCode(), what + " as a partner: " + refused.asString());
            assertFalse(refused.asString().contains(customer.marker), what + ": the refusal names nothing of the customer");
        });
        // customer-service: a partner gets the contact card only (names, emails, phones), staff the whole record;
        // the partner reads it once issue.shared has reached customer-service
        JsonNode card = json(figures.await("issue.shared → store A reads the customer (customer-service)",
                shared, SECONDS, () -> anchor.customers(storeA).get("/customers/{id}", customer.customerId),
                response -> response.statusCode() == 200));
        Set<String> fields = new TreeSet<>();
        card.fieldNames().forEachRemaining(fields::add);
        assertEquals(new TreeSet<>(Set.of("id", "givenName", "familyName", "displayName", "emails", "phones")), fields,
                "a partner's view of the customer: " + card);
        assertTrue(expect(anchor.customers(owner).get("/customers/{id}", customer.customerId), 200, "the record")
                .has("preferences"), "staff read the whole record");
    }

    private static List<String> locations(JsonNode issue) {
        List<String> locations = new java.util.ArrayList<>();
        issue.path("locations").forEach(location -> locations.add(location.asText()));
        return locations;
    }
}
