package dev.anchor.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.TestJwt;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static dev.anchor.contact.ContactFixtures.AGENT;
import static dev.anchor.contact.ContactFixtures.OTHER_PARTNER;
import static dev.anchor.contact.ContactFixtures.PARTNER;
import static dev.anchor.contact.ContactFixtures.STORE;
import static dev.anchor.contact.ContactFixtures.SYSTEM;
import static dev.anchor.contact.ContactFixtures.as;
import static dev.anchor.contact.ContactFixtures.contactJson;
import static dev.anchor.contact.ContactFixtures.log;
import static dev.anchor.contact.ContactFixtures.newCustomerId;
import static dev.anchor.contact.Upstream.WAIT;
import static dev.anchor.contact.Upstream.awaitApplied;
import static dev.anchor.contact.Upstream.change;
import static dev.anchor.contact.Upstream.count;
import static dev.anchor.contact.Upstream.customerChanged;
import static dev.anchor.contact.Upstream.customerState;
import static dev.anchor.contact.Upstream.issueEvent;
import static dev.anchor.contact.Upstream.issueNumber;
import static dev.anchor.contact.Upstream.issueState;
import static dev.anchor.contact.Upstream.notificationEvent;
import static dev.anchor.contact.Upstream.only;
import static dev.anchor.contact.Upstream.sharedWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The timeline and the summary: a customer calls, visits a store and receives an email about their issue; the issue
 * history comes from issue.events and the email from notification.events, published as those services do.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class TimelineTest {

    @Inject
    AgroalDataSource db;

    private Upstream.Publisher publisher;
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);

    @BeforeEach
    void connect() {
        publisher = new Upstream.Publisher();
    }

    @AfterEach
    void disconnect() {
        publisher.close();
    }

    /** The journey of the issue's "done when": call, issue opened with a next action, store visit, email, internal note. */
    private record Journey(String customer, String issue, String call, String opened, String nextAction, String visit,
                           String email, String internalNote) {
    }

    /** The Groovy path of the timeline item with {@code id}. */
    private static String item(String id) {
        return "items.find { it.id == '" + id + "' }";
    }

    private Journey journey() {
        String customer = newCustomerId();
        String issue = UUID.randomUUID().toString();
        String number = issueNumber(customer);
        publisher.send("customer.events", customerChanged("customer.registered",
                customerState(customer, 0, "Ada", "Lovelace", "London", "email")));
        String call = log(AGENT, contactJson(customer, "phone", null, now.minusMinutes(180), issue)).path("id");
        ObjectNode opened = issueEvent("issue.opened", sharedWith(issueState(issue, customer, number, "Router drops connection",
                "open", 0, null, null, null), STORE), change().put("statusUrl", "https://status.example/s/SECRET-TOKEN"), "phone", now.minusMinutes(175));
        ObjectNode nextAction = issueEvent("issue.next-action-set", sharedWith(issueState(issue, customer, number,
                        "Router drops connection", "waiting_on_customer", 1, "Bring the router to a store", "customer",
                        now.plusDays(2)), STORE),
                change().put("what", "Bring the router to a store").put("who", "customer").put("dueAt", now.plusDays(2).toString()),
                "phone", now.minusMinutes(170));
        publisher.send("issue.events", opened);
        publisher.send("issue.events", nextAction);
        String visit = log(PARTNER, contactJson(customer, "store", STORE, now.minusMinutes(120), issue)
                .replace(", \"internalNotes\": \"note on store\"", "")).path("id");
        String email = UUID.randomUUID().toString();
        ObjectNode sent = notificationEvent("notification.sent", email, customer, issue, "email", "sent",
                "Your router was received in store", now.minusMinutes(60));
        ObjectNode delivered = notificationEvent("notification.delivered", email, customer, issue, "email", "delivered",
                "Your router was received in store", now.minusMinutes(60));
        publisher.send("notification.events", sent);
        publisher.send("notification.events", delivered);
        ObjectNode note = issueEvent("issue.commented", sharedWith(issueState(issue, customer, number,
                        "Router drops connection", "waiting_on_customer", 2, "Bring the router to a store", "customer",
                        now.plusDays(2)), STORE),
                Upstream.comment("internal", "Customer is a journalist, handle with care"), "phone",
                now.minusMinutes(30));
        publisher.send("issue.events", note);
        awaitApplied(db, nextAction);
        awaitApplied(db, delivered);
        awaitApplied(db, note);
        return new Journey(customer, issue, call, opened.path("id").asText(), nextAction.path("id").asText(), visit, email,
                note.path("id").asText());
    }

    @Test
    void oneRequestShowsTheCallTheStoreVisitAndTheEmailInOrderNewestFirst() {
        Journey j = journey();
        String[] all = {j.internalNote(), j.email(), j.visit(), j.nextAction(), j.opened(), j.call()};
        Response timeline = as(AGENT).queryParam("size", 100).get("/customers/{id}/timeline", j.customer());
        assertEquals(List.of(all), only(timeline, all));
        timeline.then()
                .body(item(j.internalNote()) + ".kind", equalTo("issue"))
                .body(item(j.internalNote()) + ".type", equalTo("issue.commented"))
                .body(item(j.internalNote()) + ".internal", equalTo(true))
                .body(item(j.internalNote()) + ".text", containsString("internal note: Customer is a journalist"))
                .body(item(j.email()) + ".kind", equalTo("notification"))
                .body(item(j.email()) + ".type", equalTo("notification.delivered"))
                .body(item(j.email()) + ".channel", equalTo("email"))
                .body(item(j.email()) + ".internal", equalTo(false))
                .body(item(j.email()) + ".detail.status", equalTo("delivered"))
                .body(item(j.email()) + ".detail.delivered", equalTo(true))
                .body(item(j.email()) + ".text", equalTo("Your router was received in store"))
                .body(item(j.visit()) + ".kind", equalTo("contact"))
                .body(item(j.visit()) + ".channel", equalTo("store"))
                .body(item(j.visit()) + ".detail.locationId", equalTo(STORE))
                .body(item(j.nextAction()) + ".text", containsString("next action: Bring the router to a store (customer"))
                .body(item(j.opened()) + ".type", equalTo("issue.opened"))
                .body(item(j.opened()) + ".issueNumber", equalTo(issueNumber(j.customer())))
                .body(item(j.call()) + ".kind", equalTo("contact"))
                .body(item(j.call()) + ".channel", equalTo("phone"))
                .body(item(j.call()) + ".internal", equalTo(false));
    }

    @Test
    void theTimelineIsFilteredByKindChannelAndIssueAndPaged() {
        Journey j = journey();
        String otherIssue = UUID.randomUUID().toString();
        String unrelated = log(AGENT, contactJson(j.customer(), "chat", null, now.minusMinutes(5), otherIssue)).path("id");
        as(AGENT).queryParam("kind", "contact").get("/customers/{id}/timeline", j.customer()).then()
                .body("items.id", contains(unrelated, j.visit(), j.call())).body("items.kind", everyItem(equalTo("contact")));
        as(AGENT).queryParam("kind", "notification").get("/customers/{id}/timeline", j.customer()).then()
                .body("items.id", hasItem(j.email())).body("items.kind", everyItem(equalTo("notification")));
        as(AGENT).queryParam("channel", "email").get("/customers/{id}/timeline", j.customer()).then()
                .body("items.id", hasItem(j.email())).body("items.channel", everyItem(equalTo("email")));
        as(AGENT).queryParam("channel", "store").get("/customers/{id}/timeline", j.customer()).then()
                .body("items.id", contains(j.visit()));
        as(AGENT).queryParam("issueId", j.issue()).queryParam("kind", "issue").get("/customers/{id}/timeline", j.customer())
                .then().body("items.id", contains(j.internalNote(), j.nextAction(), j.opened()));
        as(AGENT).queryParam("issueId", otherIssue).get("/customers/{id}/timeline", j.customer()).then()
                .body("items.id", contains(unrelated));
        as(AGENT).queryParam("kind", "contact").queryParam("size", 2).queryParam("page", 1)
                .get("/customers/{id}/timeline", j.customer()).then()
                .body("items.id", contains(j.call())).body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(2));
    }

    /** The journey's issue is shared with the store: its partner sees all of it but the internal note. */
    @Test
    void partnersSeeNoInternalEntriesAndOnlyWhatConcernsTheirLocation() {
        Journey j = journey();
        String[] all = {j.internalNote(), j.email(), j.visit(), j.nextAction(), j.opened(), j.call()};
        Response partnerView = as(PARTNER).queryParam("size", 100).get("/customers/{id}/timeline", j.customer());
        assertEquals(List.of(j.email(), j.visit(), j.nextAction(), j.opened(), j.call()), only(partnerView, all));
        partnerView.then().body("items.internal", not(hasItem(true))).body("total", equalTo(5));
        assertEquals(List.of(), only(as(OTHER_PARTNER).queryParam("size", 100).get("/customers/{id}/timeline", j.customer()),
                all), "another store sees nothing of an issue not shared with it");
        assertEquals(List.of(all), only(as(SYSTEM).queryParam("size", 100).get("/customers/{id}/timeline", j.customer()), all));
    }

    @Test
    void theCustomersSecretStatusLinkIsNotKeptOnTheTimeline() throws Exception {
        Journey j = journey();
        as(AGENT).queryParam("kind", "issue").get("/customers/{id}/timeline", j.customer()).then()
                .body("items[2].type", equalTo("issue.opened"))
                .body("items[2].detail.change.statusUrl", equalTo(null));
        assertEquals(0, count(db, "select count(*) from timeline_entry where detail like '%SECRET-TOKEN%'"));
    }

    @Test
    void theSummaryShowsTheOpenIssueWithItsNextActionAndTheLastContactPerChannel() {
        Journey j = journey();
        String laterCall = log(AGENT, contactJson(j.customer(), "phone", null, now.minusMinutes(10), null)).path("id");
        as(AGENT).get("/customers/{id}/summary", j.customer()).then().statusCode(200)
                .body("name", equalTo("Ada Lovelace"))
                .body("preferredChannel", equalTo("email"))
                .body("mailingAddress.city", equalTo("London"))
                .body("openIssues.id", contains(j.issue()))
                .body("openIssues[0].status", equalTo("waiting_on_customer"))
                .body("openIssues[0].title", equalTo("Router drops connection"))
                .body("openIssues[0].nextAction.what", equalTo("Bring the router to a store"))
                .body("openIssues[0].nextAction.who", equalTo("customer"))
                .body("lastContacts.contactId", contains(laterCall, j.visit()))
                .body("lastContacts.channel", contains("phone", "store"));

        ObjectNode closed = issueEvent("issue.closed", issueState(j.issue(), j.customer(), "K7-XXXX", "Router drops connection",
                "closed", 7, null, null, null), change().put("by", "customer"), "web", now);
        publisher.send("issue.events", closed);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> as(AGENT).get("/customers/{id}/summary", j.customer()).then()
                .body("openIssues.size()", equalTo(0)));
        as(AGENT).queryParam("kind", "issue").get("/customers/{id}/timeline", j.customer()).then()
                .body("items[0].text", containsString("closed by customer")).body("items[0].channel", equalTo("web"));
    }

    @Test
    void anIssueChangeShowsOnTheTimelineAsSoonAsItIsPublished() {
        Journey j = journey();
        ObjectNode action = issueEvent("issue.action-taken", issueState(j.issue(), j.customer(), "K7-AAAA", "Router drops connection",
                        "in_progress", 3, "Ship the replacement", "agent", now.plusDays(1)),
                change().put("actionId", UUID.randomUUID().toString()).put("kind", "replacement").put("note", "New router model X2"),
                "phone", OffsetDateTime.now(ZoneOffset.UTC));
        publisher.send("issue.events", action);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> as(AGENT).queryParam("kind", "issue")
                .get("/customers/{id}/timeline", j.customer()).then()
                .body("items[0].id", equalTo(action.path("id").asText()))
                .body("items[0].text", containsString("action taken: replacement — New router model X2")));
        as(AGENT).get("/customers/{id}/summary", j.customer()).then()
                .body("openIssues[0].nextAction.what", equalTo("Ship the replacement"));
    }

    @Test
    void duplicateAndOutOfOrderIssueAndNotificationEventsChangeNothing() throws Exception {
        Journey j = journey();
        // redelivery of events already applied
        ObjectNode again = notificationEvent("notification.sent", j.email(), j.customer(), j.issue(), "email", "sent",
                "Your router was received in store", now.minusMinutes(60));
        publisher.send("notification.events", again); // a later, older state of a delivered notification
        ObjectNode older = issueEvent("issue.next-action-set", issueState(j.issue(), j.customer(), "K7-9999", "Old title",
                "open", 1, "Call the customer back", "agent", now.plusDays(1)),
                Upstream.nextActionChange("Call the customer back", "agent", now.plusDays(1)), "phone", now.minusMinutes(172));
        publisher.send("issue.events", older);
        ObjectNode unknown = issueEvent("issue.sla-breached", issueState(j.issue(), j.customer(), "K7-SSSS", "SLA",
                "open", 99, "Nothing", "agent", now), change().put("clock", "resolution").put("dueAt", now.toString()),
                "phone", now);
        publisher.send("issue.events", unknown);
        awaitApplied(db, again);
        awaitApplied(db, older);
        awaitApplied(db, unknown);

        as(AGENT).get("/customers/{id}/summary", j.customer()).then()
                .body("openIssues[0].nextAction.what", equalTo("Bring the router to a store"))
                .body("openIssues[0].title", equalTo("Router drops connection"));
        as(AGENT).queryParam("kind", "notification").get("/customers/{id}/timeline", j.customer()).then()
                .body("items.findAll { it.id == '" + j.email() + "' }.size()", equalTo(1))
                .body(item(j.email()) + ".detail.status", equalTo("delivered"));
        // the late history entry takes its place in time; the unknown type adds nothing
        as(AGENT).queryParam("kind", "issue").get("/customers/{id}/timeline", j.customer()).then()
                .body("items.id", contains(j.internalNote(), j.nextAction(), older.path("id").asText(), j.opened()));
        assertEquals(1, count(db, "select count(*) from timeline_entry where id = ?::uuid", j.opened()));
    }

    @Test
    void malformedIssueAndNotificationEventsAreSkippedWhole() throws Exception {
        Journey j = journey();
        String ghost = UUID.randomUUID().toString();
        ObjectNode noCustomer = issueEvent("issue.opened", issueState(ghost, j.customer(), "K7-GGGG", "Ghost", "open", 0,
                null, null, null), Upstream.openedChange(), "phone", now);
        ((ObjectNode) noCustomer.path("data").path("issue")).put("customerId", "someone");
        ObjectNode badTime = issueEvent("issue.next-action-set", issueState(ghost, j.customer(), "K7-GGGG", "Ghost", "open", 1,
                "x", "agent", now), Upstream.nextActionChange("x", "agent", now), "phone", now);
        ((ObjectNode) badTime.path("data").path("issue").path("nextAction")).put("dueAt", "tomorrow");
        publisher.sendRaw("issue.events", ghost, "{broken");
        publisher.sendOutOfContract("issue.events", noCustomer);
        publisher.sendOutOfContract("issue.events", badTime);
        ObjectNode badStatus = notificationEvent("notification.sent", ghost, j.customer(), null, "email", "lost",
                "Ghost mail", now);
        ObjectNode unknownType = notificationEvent("notification.opened-by-recipient", ghost, j.customer(), null, "email",
                "delivered", "Ghost mail", now);
        publisher.sendRaw("notification.events", ghost, "[]");
        publisher.sendOutOfContract("notification.events", badStatus);
        publisher.sendOutOfContract("notification.events", unknownType); // a type without a published schema
        ObjectNode sentinelIssue = issueEvent("issue.reopened", issueState(UUID.randomUUID().toString(), j.customer(), "K7-SSST",
                "Sentinel", "open", 0, null, null, null), change().put("reason", "still broken").put("by", "customer"),
                "web", now);
        sentinelIssue.put("subject", ghost); // same key as the bad ones, so it is consumed after them
        publisher.send("issue.events", sentinelIssue);
        ObjectNode sentinelMail = notificationEvent("notification.failed", UUID.randomUUID().toString(), j.customer(), null,
                "sms", "failed", "Sentinel", now);
        EventSchemas.assertValid(sentinelMail);
        publisher.sendRaw("notification.events", ghost, sentinelMail.toString());
        awaitApplied(db, sentinelIssue);
        awaitApplied(db, sentinelMail);
        awaitApplied(db, unknownType); // seen, and ignored

        assertEquals(0, count(db, "select count(*) from issue_replica where id = ?::uuid", ghost));
        assertEquals(0, count(db, "select count(*) from timeline_entry where id = ?::uuid or text = 'Ghost mail'", ghost));
        as(AGENT).queryParam("kind", "issue").get("/customers/{id}/timeline", j.customer()).then()
                .body("total", equalTo(4)).body("items.text", hasItem(containsString("reopened: still broken")));
        as(AGENT).queryParam("kind", "notification").queryParam("size", 100).get("/customers/{id}/timeline", j.customer())
                .then().body("items.text", hasItem("Sentinel")).body("items.text", not(hasItem("Ghost mail")));
    }
}
