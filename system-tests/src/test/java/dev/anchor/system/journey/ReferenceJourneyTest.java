package dev.anchor.system.journey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.system.journey.Anchor.Caller;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static dev.anchor.system.journey.Anchor.expect;
import static dev.anchor.system.journey.Anchor.items;
import static dev.anchor.system.journey.Anchor.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference journey (docs/design.md) across the four running services, through their public APIs only: REST, the
 * customer's status page in headless Chromium, and what arrives at the SMTP catcher. Every wait for eventual
 * consistency is a bounded poll that records how long the propagation took; the figures are printed at the end.
 *
 * <p>One customer and one issue per run, with random names, addresses and number, so runs never see each other's
 * data. Messages are matched to notifications by the {@code X-Anchor-Notification} header of each mail.
 */
@ExtendWith(RunningSuite.Extension.class)
class ReferenceJourneyTest {

    private static final Propagations FIGURES = new Propagations("reference journey");
    private static final Set<String> SETTLED = Set.of("sent", "delivered", "failed", "suppressed");
    private static final Set<String> WENT_OUT = Set.of("sent", "delivered");
    private static final Duration LONG = Duration.ofSeconds(60);
    /** notification-service's coalescing window (its default), plus time to send. */
    private static final Duration WINDOW = Duration.ofMinutes(2).plusSeconds(60);

    private final RunningSuite suite = RunningSuite.get();
    private final Anchor anchor = new Anchor(suite);
    private final Sinks sinks = new Sinks(suite);

    private final String run = Anchor.unique(8);
    private final Caller alice = Caller.agent("agent.alice." + run);
    private final Caller bob = Caller.agent("agent.bob." + run);
    private final Caller store = Caller.partner("store.leeds." + run, "store-" + run);
    private final Caller supervisor = Caller.supervisor("supervisor.sam." + run);

    // the customer's personal data: each value unique to this run, so finding it anywhere means it was not erased
    private final String givenName = "Ada" + Anchor.unique(10);
    private final String familyName = "Lovelace" + Anchor.unique(10);
    private final String firstEmail = "ada." + Anchor.unique(12) + "@example.com";
    private final String newEmail = "ada.moved." + Anchor.unique(12) + "@example.net";
    private final String phone = Anchor.uniquePhone();
    private final String firstStreet = "12 " + Anchor.unique(10) + " Row";
    private final String newStreet = "1 " + Anchor.unique(10) + " Lane";

    // what is said along the way (no personal data in it)
    private final String callSummary = "Phone call " + run + ": the kettle trips the fuse";
    private final String callNotes = "Internal call note " + run + ": sounded upset";
    private final String nextAction = "Send us a photo of the fault";
    private final String publicComment = "We are checking the fuse rating " + run;
    private final String internalComment = "Internal note " + run + ": warranty ran out last week";
    private final String customerComment = "Here is the photo of the fuse " + run;
    private final String introduction = "Bob takes over tonight and will call you " + run;
    private final String visitSummary = "Store visit " + run + ": kettle left for repair";
    private final String repairPlace = "Store " + run;

    private String customerId;
    private String issueId;
    private String number;
    private String statusLink;
    private String callContactId;
    private String visitContactId;
    private int mailsAtFirstAddressBeforeTheChange;

    @AfterAll
    static void printFigures() {
        System.out.println(FIGURES.table("Reference journey propagation"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theReferenceJourneyEndToEnd() {
        // mint the tokens first, so that no figure includes ./suite token
        List.of(alice, bob, store, supervisor).forEach(c -> suite.token(c.role(), c.sub(), c.location()));
        step1RegisterOpenByPhoneLogTheCallAndEmailTheLink();
        step2NextActionPublicCommentAndInternalNote();
        try (Browser browser = new Browser()) {
            step3TheCustomerReadsThePageAndComments(browser);
            step4TheCustomerChangesTheirEmailAddress();
            step5HandoffStoreVisitAndRepair();
            step6ResolvedThenClosedByTheCustomerNotByAnotherAgent(browser);
        }
        step7TimelinePageAndNotificationsAccountForEverything();
        step8ErasureTakesThePersonalDataOutOfEveryService();
    }

    // ---- 1 ---------------------------------------------------------------------------------------

    private void step1RegisterOpenByPhoneLogTheCallAndEmailTheLink() {
        JsonNode customer = expect(anchor.customers(alice).contentType("application/json")
                .header("Idempotency-Key", Anchor.idempotencyKey())
                .body(Map.of("givenName", givenName, "familyName", familyName,
                        "emails", List.of(Map.of("address", firstEmail)),
                        "phones", List.of(Map.of("number", phone, "label", "mobile")),
                        "addresses", List.of(Map.of("line1", firstStreet, "city", "London", "postalCode", "EC1A 1AA",
                                "country", "GB")),
                        "preferences", Anchor.preferences("email")))
                .post("/customers"), 201, "step 1: register the customer");
        long registered = Propagations.now(); // from the moment the registration was answered (committed)
        customerId = customer.path("id").asText();
        System.out.println("[reference journey] run " + run + ", customer " + customerId);
        assertEquals("email", customer.at("/preferences/preferredChannel").asText());

        String key = Anchor.idempotencyKey();
        Map<String, Object> draft = Map.of("customerId", customerId, "title", "Kettle trips the fuse",
                "description", "Every time it is switched on", "channel", "phone", "priority", "normal",
                "takeOwnership", true, "locationId", store.location()); // shared with the store she will bring it to
        // issue-service answers 422 until its replica knows the customer; the same key makes every retry safe
        JsonNode issue = json(FIGURES.await("customer.registered → issue-service can open an issue", registered,
                () -> anchor.issues(alice).contentType("application/json").header("Idempotency-Key", key)
                        .header("Anchor-Channel", "phone").body(draft).post("/issues"),
                response -> {
                    if (response.statusCode() == 422) {
                        return false;
                    }
                    expect(response, 201, "step 1: open the issue");
                    return true;
                }));
        long opened = Propagations.now();
        issueId = issue.path("id").asText();
        number = issue.path("number").asText();
        System.out.println("[reference journey] issue " + number + " (" + issueId + ")");
        assertTrue(number.matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{2}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}"), number);
        assertEquals(alice.sub(), issue.at("/owner/id").asText(), "the agent took it");
        assertEquals("phone", issue.path("channel").asText());

        FIGURES.await("issue.opened → email at SMTP", opened, () -> sinks.mails(firstEmail), list -> !list.isEmpty());
        List<JsonNode> decided = FIGURES.await("issue.opened → its notifications decided", opened,
                () -> notificationsOfIssue(), list -> triggers(list).containsAll(List.of("issue.opened", "issue.assigned"))
                        && allSettled(list));
        JsonNode opening = only(decided, n -> n.at("/trigger/type").asText().equals("issue.opened"), "issue.opened");
        assertTrue(WENT_OUT.contains(opening.path("status").asText()), "the opening message went out: " + opening);
        assertEquals("email", opening.path("channel").asText());

        List<Sinks.Mail> mails = sinks.mails(firstEmail);
        assertEquals(1, mails.size(), "step 1: one email: " + subjects(mails));
        Sinks.Mail mail = mails.getFirst();
        assertEquals(opening.path("id").asText(), mail.notificationHeader(), "the mail is the opening notification");
        assertEquals(List.of(firstEmail), mail.to());
        assertTrue(mail.subject().contains(number), mail.subject());
        assertTrue(mail.text().contains(number), mail.text());
        assertFalse(mail.html().isBlank(), "an HTML part as well");
        statusLink = mail.statusLink();
        assertTrue(statusLink.startsWith(suite.issueService() + "/status/"), statusLink);
        assertTrue(mail.html().contains(statusLink), "the HTML part links the page too");

        JsonNode call = expect(anchor.contacts(alice).contentType("application/json")
                .header("Idempotency-Key", Anchor.idempotencyKey())
                .body(Map.of("customerId", customerId, "issueId", issueId, "channel", "phone", "direction", "inbound",
                        "agentId", alice.sub(), "occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                        "durationSeconds", 240, "summary", callSummary, "internalNotes", callNotes,
                        "outcome", "follow_up"))
                .post("/contacts"), 201, "step 1: log the call");
        long logged = Propagations.now();
        callContactId = call.path("id").asText();

        // the call reaches the issue (its trail and the customer's page) through contact.events
        FIGURES.await("contact.logged (call) → on the issue's trail (issue-service)", logged,
                () -> expect(anchor.issues(alice).queryParam("size", 100).get("/issues/{id}/timeline", issueId), 200,
                        "the issue's trail").toString(), trail -> trail.contains(callSummary));
    }

    // ---- 2 ---------------------------------------------------------------------------------------

    private void step2NextActionPublicCommentAndInternalNote() {
        String due = Anchor.inFuture(Duration.ofDays(2));
        JsonNode issue = expect(anchor.issues(alice).contentType("application/json")
                .body(Map.of("what", nextAction, "who", "customer", "dueAt", due))
                .put("/issues/{id}/next-action", issueId), 200, "step 2: next action");
        assertEquals(nextAction, issue.at("/nextAction/what").asText());
        assertEquals("customer", issue.at("/nextAction/who").asText());
        assertEquals(Instant.parse(due), Instant.parse(issue.at("/nextAction/dueAt").asText()));

        expect(anchor.issues(alice).contentType("application/json")
                .body(Map.of("text", publicComment, "visibility", "public"))
                .post("/issues/{id}/comments", issueId), 201, "step 2: public comment");
        expect(anchor.issues(alice).contentType("application/json")
                .body(Map.of("text", internalComment, "visibility", "internal"))
                .post("/issues/{id}/comments", issueId), 201, "step 2: internal note");

        // seconds after the opening email, two changes make one message, held until the coalescing window ends
        List<JsonNode> held = FIGURES.await("next action and comment → held for one message", Propagations.now(),
                () -> notificationsOfIssue().stream().filter(n -> Set.of("issue.next-action-set", "issue.commented")
                        .contains(n.at("/trigger/type").asText())).toList(),
                list -> list.size() == 2 && list.stream().noneMatch(n -> "queued".equals(n.path("status").asText())
                        && !"coalescing".equals(n.path("reason").asText())));
        assertEquals(1, held.stream().filter(n -> "queued".equals(n.path("status").asText())).count(),
                "one message waits for the window: " + held);
        assertEquals(1, held.stream().filter(n -> "coalesced".equals(n.path("reason").asText())).count(),
                "the other is folded into it: " + held);
        assertEquals(1, sinks.mails(firstEmail).size(), "nothing more was sent inside the window");
    }

    // ---- 3 ---------------------------------------------------------------------------------------

    private void step3TheCustomerReadsThePageAndComments(Browser browser) {
        JsonNode issue = expect(anchor.issues(alice).get("/issues/{id}", issueId), 200, "step 3: read the issue");
        browser.open(statusLink);
        String history = browser.text("history");
        assertTrue(history.contains(callSummary), "the call (on the issue since step 1): " + history);

        assertEquals("Your issue " + number, browser.title());
        assertEquals(number, browser.text("number"));
        assertEquals(issue.path("customerStatusLabel").asText(), browser.text("status"));
        assertEquals(alice.sub(), browser.text("owner"), "the owner's name");
        assertTrue(browser.text("next-action").contains(nextAction), browser.text("next-action"));
        assertTrue(history.contains(publicComment), "the public comment: " + history);
        String source = browser.source();
        assertFalse(source.contains(internalComment), "never the internal note");
        assertFalse(source.contains(callNotes), "never the call's internal notes");

        browser.type("comment-text", customerComment);
        browser.click("#comment-form button[type=submit]");
        browser.arrivedAt("notice=commented");
        assertTrue(browser.title().startsWith("Success:"), "the banner's title leads the page's: " + browser.title());
        List<String> lines = browser.texts("#history li");
        int theirs = indexOf(lines, customerComment);
        int ours = indexOf(lines, publicComment);
        assertTrue(theirs >= 0 && theirs < ours, "the latest first: " + String.join("\n", lines));
        // the step waited on her: her reply answers it, so the page no longer asks for it
        assertFalse(browser.has("next-action"), "the answered step is no longer asked");

        JsonNode trail = expect(anchor.issues(alice).queryParam("size", 100).get("/issues/{id}/timeline", issueId), 200,
                "step 3: the issue's trail");
        JsonNode comment = only(items(trail), e -> customerComment.equals(e.path("detail").asText()), "the customer's comment");
        assertEquals("public", comment.path("visibility").asText());
        assertEquals("customer", comment.at("/actor/role").asText());
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    // ---- 4 ---------------------------------------------------------------------------------------

    private void step4TheCustomerChangesTheirEmailAddress() {
        // only the opening email went to the first address; what is held is sent to the address current when it goes
        mailsAtFirstAddressBeforeTheChange = sinks.mails(firstEmail).size();
        assertEquals(1, mailsAtFirstAddressBeforeTheChange, "only the opening email: " + subjects(sinks.mails(firstEmail)));
        Response read = anchor.customers(alice).get("/customers/{id}", customerId);
        expect(read, 200, "step 4: read the customer");
        String etag = read.header("ETag");
        long changed = Propagations.now();
        // She moved as well: the new mailing address makes this customer.updated visible in contact-service's summary.
        Response patched = anchor.customers(alice).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("emails", List.of(Map.of("address", newEmail)),
                        "addresses", List.of(Map.of("line1", newStreet, "city", "Leeds", "postalCode", "LS1 4AP",
                                "country", "GB"))))
                .patch("/customers/{id}", customerId);
        JsonNode customer = expect(patched, 200, "step 4: change the email address");
        assertNotEquals(etag, patched.header("ETag"));
        assertEquals(newEmail, customer.at("/emails/0/address").asText());
        assertEquals(1, customer.path("emails").size());

        FIGURES.await("customer.updated → contact-service summary", changed,
                () -> expect(anchor.contacts(alice).get("/customers/{id}/summary", customerId), 200, "summary"),
                summary -> newStreet.equals(summary.at("/mailingAddress/line1").asText()));
    }

    // ---- 5 ---------------------------------------------------------------------------------------

    private void step5HandoffStoreVisitAndRepair() {
        String backAt = Anchor.inFuture(Duration.ofHours(14));
        long handedOff = Propagations.now();
        JsonNode issue = expect(anchor.issues(alice).contentType("application/json")
                .body(Map.of("toAgentId", bob.sub(), "toAgentName", "Bob Baker", "introduction", introduction,
                        "previousOwnerBackAt", backAt))
                .post("/issues/{id}/handoffs", issueId), 200, "step 5: hand off");
        assertEquals(bob.sub(), issue.at("/owner/id").asText());
        assertEquals("Bob Baker", issue.at("/owner/displayName").asText());

        // the customer is told: the handoff is on their page at once, and in the next message
        FIGURES.await("issue.assigned (handoff) → on the customer's page", handedOff,
                () -> statusPageJson().path("history").toString(), h -> h.contains(introduction));

        JsonNode visit = expect(anchor.contacts(store).contentType("application/json")
                .header("Idempotency-Key", Anchor.idempotencyKey())
                .body(Map.of("customerId", customerId, "issueId", issueId, "channel", "store", "direction", "inbound",
                        "locationId", store.location(), "occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                        "durationSeconds", 600, "summary", visitSummary, "outcome", "follow_up",
                        "summaryRequested", true))
                .post("/contacts"), 201, "step 5: the store logs the visit; she asks for its summary");
        long visited = Propagations.now();
        visitContactId = visit.path("id").asText();
        assertEquals(store.sub(), visit.path("loggedBy").asText());
        assertEquals(store.location(), visit.path("locationId").asText());
        assertTrue(visit.path("summaryRequested").asBoolean(), visit.toString());

        // the store partner books the repair on the issue shared with its location
        JsonNode booked = expect(anchor.issues(store).contentType("application/json")
                .body(Map.of("kind", "repair", "place", repairPlace, "scheduledAt", Anchor.inFuture(Duration.ofDays(1))))
                .post("/issues/{id}/actions", issueId), 201, "step 5: the store books the repair");
        assertEquals("issue.action-taken", booked.path("kind").asText(), booked.toString());
        assertEquals("partner", booked.at("/actor/role").asText(), booked.toString());
        assertTrue(booked.path("summary").asText().contains(repairPlace), booked.toString());

        // the summary she asked for is sent at once (never held), to her new address
        Sinks.Mail summary = FIGURES.await("contact.logged (summary requested) → email at the new address", visited, LONG,
                () -> sinks.mails(newEmail).stream().filter(m -> m.text().contains(visitSummary)).findFirst().orElse(null),
                mail -> mail != null);
        assertEquals(List.of(newEmail), summary.to());

        // next action, comment, handoff and booking: one message when the window since the opening email ends
        Sinks.Mail update = FIGURES.await("handoff → told in the update sent when the 2-min coalescing window ends", handedOff, WINDOW,
                () -> sinks.mails(newEmail).stream().filter(m -> m.text().contains(introduction)).findFirst().orElse(null),
                mail -> mail != null);
        assertEquals(List.of(newEmail), update.to());
        for (String told : List.of("Bob Baker", introduction, publicComment)) {
            assertTrue(update.text().contains(told) && update.html().contains(told), "the update tells " + told + ":\n" + update.text());
        }
        assertFalse(update.text().contains(nextAction), "never the step she already answered:\n" + update.text());
        assertFalse(update.text().contains(internalComment) || update.html().contains(internalComment), "never the internal note");
        assertTrue(update.text().contains(statusLink), "the update links the page");
        assertEquals(mailsAtFirstAddressBeforeTheChange, sinks.mails(firstEmail).size(), "nothing more to the old address");
    }

    // ---- 6 ---------------------------------------------------------------------------------------

    private void step6ResolvedThenClosedByTheCustomerNotByAnotherAgent(Browser browser) {
        Response refused = anchor.issues(alice).noContentType().post("/issues/{id}/close", issueId);
        JsonNode problem = expect(refused, 403, "step 6: a non-owner agent may not close");
        assertEquals("urn:anchor:problem:forbidden", problem.path("type").asText());
        assertNotEquals("closed", expect(anchor.issues(alice).get("/issues/{id}", issueId), 200, "read").path("status").asText());

        expect(anchor.issues(store).contentType("application/json")
                .body(Map.of("kind", "repair_done", "note", "New thermostat fitted " + run))
                .post("/issues/{id}/actions", issueId), 201, "step 6: the store reports the repair done");
        assertEquals(403, anchor.issues(store).contentType("application/json")
                .body(Map.of("kind", "refund", "amount", 20, "currency", "GBP"))
                .post("/issues/{id}/actions", issueId).statusCode(), "a partner books repairs, not refunds");

        long resolved = Propagations.now();
        JsonNode issue = expect(anchor.issues(bob).contentType("application/json").body(Map.of("status", "resolved"))
                .post("/issues/{id}/status", issueId), 200, "step 6: the owner resolves");
        assertEquals("resolved", issue.path("status").asText());
        Sinks.Mail resolvedMail = awaitMailFor("issue.status-changed", "issue resolved → email at the new address", resolved);
        assertEquals(List.of(newEmail), resolvedMail.to());
        // the repair done, held since the update went out, goes with the resolution: one message, led by it
        assertEquals(sinks.mails(firstEmail).getFirst().subject(), resolvedMail.subject(), "one subject for the issue's thread");
        assertTrue(resolvedMail.text().toLowerCase(java.util.Locale.ROOT).contains("resolved"), resolvedMail.text());

        browser.open(statusLink);
        assertEquals("Resolved", browser.text("status"));
        long closed = Propagations.now();
        browser.click("#close");
        assertTrue(browser.shows("confirm-close"), "closing asks first");
        assertEquals("resolved", expect(anchor.issues(bob).get("/issues/{id}", issueId), 200, "read").path("status").asText(),
                "asking is not closing");
        browser.click("#confirm-close");
        browser.arrivedAt("notice=closed");
        assertEquals("Closed", browser.text("status"));
        assertFalse(browser.has("close"), "no close button on a closed issue");
        assertEquals("closed", expect(anchor.issues(bob).get("/issues/{id}", issueId), 200, "read").path("status").asText());

        Sinks.Mail closedMail = awaitMailFor("issue.closed", "issue closed by the customer → email at the new address", closed);
        assertEquals(List.of(newEmail), closedMail.to());
        assertEquals(mailsAtFirstAddressBeforeTheChange, sinks.mails(firstEmail).size(),
                "the old address got nothing after the change");
    }

    // ---- 7 ---------------------------------------------------------------------------------------

    private void step7TimelinePageAndNotificationsAccountForEverything() {
        long since = Propagations.now();
        // every event that may cause a message has exactly one notification; internal and customer comments none
        Map<String, Long> expected = new TreeMap<>(Map.of("issue.opened", 1L, "issue.assigned", 2L,
                "issue.next-action-set", 1L, "issue.commented", 1L, "issue.action-taken", 2L,
                "issue.status-changed", 1L, "issue.closed", 1L, "contact.logged", 1L));
        List<JsonNode> notifications = FIGURES.await("all notifications of the journey decided", since, LONG,
                this::notificationsOfCustomer,
                list -> allSettled(list) && countByTrigger(list).equals(expected));
        assertEquals(expected, countByTrigger(notifications), "step 7: one notification per message-worthy event");
        assertEquals(notifications.size(), notifications.stream().map(n -> n.at("/trigger/eventId").asText()).distinct().count(),
                "never two notifications for one event");
        // each went out, or was folded into one that did, or told nothing new (the first owner, named when opened)
        notifications.forEach(n -> assertTrue(WENT_OUT.contains(n.path("status").asText())
                || Set.of("coalesced", "nothing-new").contains(n.path("reason").asText()), n.toString()));
        notifications.forEach(n -> assertEquals(issueId, n.path("issueId").asText()));

        Set<String> sentIds = notifications.stream().filter(n -> WENT_OUT.contains(n.path("status").asText()))
                .map(n -> n.path("id").asText()).collect(Collectors.toSet());
        List<Sinks.Mail> mails = new ArrayList<>(sinks.mails(firstEmail));
        mails.addAll(sinks.mails(newEmail));
        List<String> headers = mails.stream().map(Sinks.Mail::notificationHeader).toList();
        assertEquals(headers.size(), new HashSet<>(headers).size(), "no message was sent twice: " + headers);
        assertEquals(sentIds, new HashSet<>(headers), "every sent notification arrived, and only those: " + subjects(mails));

        // contact-service: the customer's timeline has every call, visit, comment and message, newest first
        List<JsonNode> timeline = FIGURES.await("journey → complete on the customer's timeline (contact-service)", since, LONG,
                () -> items(expect(anchor.contacts(alice).queryParam("size", 100)
                        .get("/customers/{id}/timeline", customerId), 200, "timeline")),
                entries -> entries.stream().filter(e -> "notification".equals(e.path("kind").asText())).count() == notifications.size()
                        && entries.stream().anyMatch(e -> "issue.closed".equals(e.path("type").asText()))
                        && contactIds(entries).containsAll(List.of(callContactId, visitContactId))
                        && notificationStates(entries).equals(notificationStatesOf(notifications)));
        for (int i = 1; i < timeline.size(); i++) {
            Instant newer = Instant.parse(timeline.get(i - 1).path("occurredAt").asText());
            Instant older = Instant.parse(timeline.get(i).path("occurredAt").asText());
            assertFalse(older.isAfter(newer), "newest first: " + timeline.get(i - 1) + " before " + timeline.get(i));
        }
        Instant call = at(timeline, e -> callContactId.equals(e.at("/detail/contactId").asText()), "the call");
        Instant agentComment = at(timeline, e -> issueEntry(e, "issue.commented") && e.path("text").asText().contains(publicComment),
                "the public comment");
        Instant theirComment = at(timeline, e -> issueEntry(e, "issue.commented") && e.path("text").asText().contains(customerComment),
                "the customer's comment");
        Instant visit = at(timeline, e -> visitContactId.equals(e.at("/detail/contactId").asText()), "the store visit");
        Instant resolvedAt = at(timeline, e -> issueEntry(e, "issue.status-changed") && e.path("text").asText().contains("resolved"),
                "resolved");
        Instant closedAt = at(timeline, e -> issueEntry(e, "issue.closed"), "closed");
        List<Instant> order = List.of(call, agentComment, theirComment, visit, resolvedAt, closedAt);
        for (int i = 1; i < order.size(); i++) {
            assertFalse(order.get(i).isBefore(order.get(i - 1)), "in the order it happened: " + order);
        }
        JsonNode note = only(timeline, e -> issueEntry(e, "issue.commented") && e.path("text").asText().contains(internalComment),
                "the internal note");
        assertTrue(note.path("internal").asBoolean(), "marked internal for staff: " + note);
        assertTrue(timeline.stream().noneMatch(e -> e.toString().contains(statusLink)), "the secret link is not kept");

        // issue-service: the page and the trail show every contact
        JsonNode page = statusPageJson();
        String pageHistory = page.path("history").toString();
        assertTrue(pageHistory.contains(callSummary) && pageHistory.contains(visitSummary), "both contacts on the page: " + pageHistory);
        assertFalse(pageHistory.contains(internalComment) || pageHistory.contains(callNotes), "nothing internal on the page");
        List<JsonNode> trail = items(expect(anchor.issues(alice).queryParam("size", 100)
                .get("/issues/{id}/timeline", issueId), 200, "the issue's trail"));
        assertEquals(2, trail.stream().filter(e -> "contact.logged".equals(e.path("kind").asText())).count(),
                "both contacts on the issue's trail");
    }

    // ---- 8 ---------------------------------------------------------------------------------------

    private void step8ErasureTakesThePersonalDataOutOfEveryService() {
        long erased = Propagations.now();
        Response erasure = anchor.customers(supervisor).delete("/customers/{id}", customerId);
        assertEquals(204, erasure.statusCode(), "step 8: erase: " + erasure.asString());
        assertEquals(410, anchor.customers(supervisor).get("/customers/{id}", customerId).statusCode());

        List<String> left = FIGURES.await("customer.erased → personal data gone from every service's API", erased, LONG,
                this::personalDataStillServed, List::isEmpty);
        assertEquals(List.of(), left);

        // the issue numbers remain
        JsonNode issue = expect(anchor.issues(supervisor).get("/issues/{number}", number), 200, "step 8: the issue by number");
        assertEquals(issueId, issue.path("id").asText());
        assertEquals(number, issue.path("number").asText());
        assertEquals("closed", issue.path("status").asText());
        assertTrue(items(expect(anchor.issues(supervisor).queryParam("customerId", customerId).get("/issues"), 200, "issues"))
                .stream().anyMatch(i -> number.equals(i.path("number").asText())), "still listed under the customer id");
        assertEquals(410, anchor.contacts(supervisor).get("/customers/{id}/timeline", customerId).statusCode());
    }

    /** Every place a public API still answers one of the customer's personal data, as "where: what". */
    private List<String> personalDataStillServed() {
        Map<String, Response> answers = new TreeMap<>();
        answers.put("customer-service GET /customers/{id}", anchor.customers(supervisor).get("/customers/{id}", customerId));
        answers.put("customer-service GET /customers?email=", anchor.customers(supervisor).queryParam("email", newEmail).get("/customers"));
        answers.put("customer-service GET /customers?phone=", anchor.customers(supervisor).queryParam("phone", phone).get("/customers"));
        answers.put("issue-service GET /issues/{id}", anchor.issues(supervisor).get("/issues/{id}", issueId));
        answers.put("issue-service GET /issues?customerId=", anchor.issues(supervisor).queryParam("customerId", customerId).get("/issues"));
        answers.put("issue-service GET /issues/{id}/timeline", anchor.issues(supervisor).queryParam("size", 100).get("/issues/{id}/timeline", issueId));
        answers.put("issue-service GET /status/{token}", Anchor.http().accept("application/json").get(statusLink));
        answers.put("issue-service GET /status/{token} (HTML)", Anchor.http().accept("text/html").get(statusLink));
        answers.put("contact-service GET /customers/{id}/timeline", anchor.contacts(supervisor).queryParam("size", 100).get("/customers/{id}/timeline", customerId));
        answers.put("contact-service GET /customers/{id}/summary", anchor.contacts(supervisor).get("/customers/{id}/summary", customerId));
        answers.put("contact-service GET /customers/{id}/contacts", anchor.contacts(supervisor).get("/customers/{id}/contacts", customerId));
        answers.put("contact-service GET /contacts/{call}", anchor.contacts(supervisor).get("/contacts/{id}", callContactId));
        answers.put("contact-service GET /contacts/{visit}", anchor.contacts(supervisor).get("/contacts/{id}", visitContactId));
        answers.put("notification-service GET /notifications?customerId=", anchor.notifications(supervisor).queryParam("customerId", customerId).queryParam("size", 100).get("/notifications"));
        List<String> personal = List.of(givenName, familyName, firstEmail, newEmail, phone, firstStreet, newStreet);
        List<String> found = new ArrayList<>();
        answers.forEach((where, response) -> {
            if (response.statusCode() >= 500) {
                found.add(where + ": answered " + response.statusCode());
            }
            String body = response.asString();
            personal.stream().filter(value -> body.toLowerCase().contains(value.toLowerCase()))
                    .forEach(value -> found.add(where + " (" + response.statusCode() + "): " + value));
        });
        return found;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private JsonNode statusPageJson() {
        return expect(Anchor.http().accept("application/json").get(statusLink), 200, "the status page as JSON");
    }

    private List<JsonNode> notificationsOfIssue() {
        return items(expect(anchor.notifications(alice).queryParam("issueId", issueId).queryParam("size", 100)
                .get("/notifications"), 200, "notifications of the issue"));
    }

    private List<JsonNode> notificationsOfCustomer() {
        return items(expect(anchor.notifications(alice).queryParam("customerId", customerId).queryParam("size", 100)
                .get("/notifications"), 200, "notifications of the customer"));
    }

    /** Waits for the notification an event type caused to go out and its mail to arrive at the customer's current address. */
    private Sinks.Mail awaitMailFor(String trigger, String what, long since) {
        return FIGURES.await(what, since, LONG, () -> {
            JsonNode notification = notificationsOfIssue().stream()
                    .filter(n -> trigger.equals(n.at("/trigger/type").asText()))
                    .filter(n -> WENT_OUT.contains(n.path("status").asText())).findFirst().orElse(null);
            if (notification == null) {
                return null;
            }
            String id = notification.path("id").asText();
            return sinks.mails(newEmail).stream().filter(m -> id.equals(m.notificationHeader())).findFirst().orElse(null);
        }, mail -> mail != null);
    }

    private static boolean issueEntry(JsonNode entry, String type) {
        return "issue".equals(entry.path("kind").asText()) && type.equals(entry.path("type").asText());
    }

    private static boolean allSettled(List<JsonNode> notifications) {
        return notifications.stream().allMatch(n -> SETTLED.contains(n.path("status").asText()));
    }

    private static List<String> triggers(List<JsonNode> notifications) {
        return notifications.stream().map(n -> n.at("/trigger/type").asText()).toList();
    }

    private static Map<String, Long> countByTrigger(List<JsonNode> notifications) {
        return new TreeMap<>(notifications.stream().collect(Collectors.groupingBy(n -> n.at("/trigger/type").asText(),
                Collectors.counting())));
    }

    private static Set<String> contactIds(List<JsonNode> timeline) {
        return timeline.stream().filter(e -> "contact".equals(e.path("kind").asText()))
                .map(e -> e.at("/detail/contactId").asText()).collect(Collectors.toSet());
    }

    /** notification id → status, as the timeline shows them. */
    private static Map<String, String> notificationStates(List<JsonNode> timeline) {
        return timeline.stream().filter(e -> "notification".equals(e.path("kind").asText()))
                .collect(Collectors.toMap(e -> e.at("/detail/notificationId").asText(), e -> e.at("/detail/status").asText(),
                        (a, b) -> a + "," + b, TreeMap::new));
    }

    private static Map<String, String> notificationStatesOf(List<JsonNode> notifications) {
        return notifications.stream().collect(Collectors.toMap(n -> n.path("id").asText(), n -> n.path("status").asText(),
                (a, b) -> a + "," + b, TreeMap::new));
    }

    private static Instant at(List<JsonNode> timeline, Predicate<JsonNode> which, String what) {
        return Instant.parse(only(timeline, which, what).path("occurredAt").asText());
    }

    private static JsonNode only(List<JsonNode> nodes, Predicate<JsonNode> which, String what) {
        List<JsonNode> matching = nodes.stream().filter(which).toList();
        assertEquals(1, matching.size(), "exactly one " + what + " in " + nodes);
        return matching.getFirst();
    }

    private static List<String> subjects(List<Sinks.Mail> mails) {
        return mails.stream().map(m -> m.to() + " " + m.subject()).toList();
    }
}
