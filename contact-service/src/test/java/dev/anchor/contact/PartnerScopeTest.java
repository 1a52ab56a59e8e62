package dev.anchor.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.anchor.blocks.testing.TestJwt;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.contact.ContactFixtures.AGENT;
import static dev.anchor.contact.ContactFixtures.OTHER_PARTNER;
import static dev.anchor.contact.ContactFixtures.PARTNER;
import static dev.anchor.contact.ContactFixtures.PARTNER_WITHOUT_LOCATION;
import static dev.anchor.contact.ContactFixtures.STORE;
import static dev.anchor.contact.ContactFixtures.as;
import static dev.anchor.contact.ContactFixtures.contactJson;
import static dev.anchor.contact.ContactFixtures.log;
import static dev.anchor.contact.ContactFixtures.newCustomerId;
import static dev.anchor.contact.Upstream.awaitApplied;
import static dev.anchor.contact.Upstream.change;
import static dev.anchor.contact.Upstream.comment;
import static dev.anchor.contact.Upstream.count;
import static dev.anchor.contact.Upstream.customerChanged;
import static dev.anchor.contact.Upstream.customerState;
import static dev.anchor.contact.Upstream.issueEvent;
import static dev.anchor.contact.Upstream.issueNumber;
import static dev.anchor.contact.Upstream.issueState;
import static dev.anchor.contact.Upstream.notificationEvent;
import static dev.anchor.contact.Upstream.sharedWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 (trust): a partner sees only what concerns its location — the contacts logged there or about an issue
 * shared with it, and the history and notifications of the issues shared with it — through every endpoint it may
 * call, lists and totals alike. Location A is {@code store-99} ({@code OTHER_PARTNER}), location B is {@code store-12}
 * ({@code PARTNER}).
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class PartnerScopeTest {

    private static final String A = "store-99";
    private static final String B = STORE;

    /**
     * Every endpoint a partner token may call. {@link #theEnumerationNamesEveryEndpointAPartnerMayCall} keeps this
     * list complete, so a new partner endpoint cannot go untested.
     */
    static final List<String> PARTNER_ENDPOINTS = List.of(
            "POST /contacts",
            "GET /contacts/{id}",
            "POST /contacts/{id}/amendments",
            "GET /contacts/{id}/amendments",
            "GET /customers/{id}/contacts",
            "GET /customers/{id}/timeline");

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

    /**
     * One customer with an issue shared with A, one shared with B, one shared with nobody, their notifications and one
     * about no issue, and contacts on each. {@code entries} names every timeline line; the sets say who sees which.
     */
    private record World(String customer, String issueA, String issueB, String issueNone,
                         Map<String, String> entries, Set<String> seenByA, Set<String> seenByB,
                         Map<String, String> contacts, Set<String> contactsOfA, Set<String> contactsOfB) {

        Set<String> all() {
            return new HashSet<>(entries.values());
        }

        Set<String> allContacts() {
            return new HashSet<>(contacts.values());
        }
    }

    private World world() {
        String customer = newCustomerId();
        String issueA = UUID.randomUUID().toString();
        String issueB = UUID.randomUUID().toString();
        String issueNone = UUID.randomUUID().toString();
        publisher.send("customer.events", customerChanged("customer.registered",
                customerState(customer, 0, "Grace", "Hopper", "Arlington", "email")));
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        List<ObjectNode> sent = new ArrayList<>();
        // issue A, shared with location A: opened, a public comment, an action
        sent.add(issue(entries, "openedA", "issue.opened", issueA, customer, 0, A, change().put("statusUrl",
                "https://status.example/s/TOKEN-A"), 300));
        sent.add(issue(entries, "commentA", "issue.commented", issueA, customer, 1, A,
                comment("public", "Repair booked at the other store"), 290));
        sent.add(issue(entries, "actionA", "issue.action-taken", issueA, customer, 2, A,
                change().put("actionId", UUID.randomUUID().toString()).put("kind", "repair").put("place", "store-99"), 280));
        // issue B, shared with location B: opened, and an internal note its partner never sees
        sent.add(issue(entries, "openedB", "issue.opened", issueB, customer, 0, B, change().put("statusUrl",
                "https://status.example/s/TOKEN-B"), 270));
        sent.add(issue(entries, "internalB", "issue.commented", issueB, customer, 1, B,
                comment("internal", "Staff only about B"), 260));
        // an issue shared with nobody
        sent.add(issue(entries, "openedNone", "issue.opened", issueNone, customer, 0, null, change().put("statusUrl",
                "https://status.example/s/TOKEN-N"), 250));
        // notifications about A's issue, B's issue and about no issue (a digest)
        sent.add(notification(entries, "mailA", customer, issueA, "email", 240));
        sent.add(notification(entries, "smsB", customer, issueB, "sms", 230));
        sent.add(notification(entries, "digest", customer, null, "email", 220));
        for (ObjectNode event : sent) {
            awaitApplied(db, event);
        }
        Map<String, String> contacts = new java.util.LinkedHashMap<>();
        contacts.put("callA", log(AGENT, contactJson(customer, "phone", null, now.minusMinutes(210), issueA)).path("id"));
        contacts.put("callB", log(AGENT, contactJson(customer, "phone", null, now.minusMinutes(200), issueB)).path("id"));
        contacts.put("callNone", log(AGENT, contactJson(customer, "chat", null, now.minusMinutes(190), null)).path("id"));
        contacts.put("visitA", log(OTHER_PARTNER, withoutNotes(contactJson(customer, "store", A, now.minusMinutes(180), null)))
                .path("id"));
        contacts.put("visitB", log(PARTNER, withoutNotes(contactJson(customer, "store", B, now.minusMinutes(170), null)))
                .path("id"));
        // logged at B about A's issue: B's own contact, and about an issue shared with A
        contacts.put("visitBAboutA", log(AGENT, contactJson(customer, "store", B, now.minusMinutes(160), issueA)).path("id"));
        contacts.forEach(entries::put); // a contact's timeline line has the contact's id
        Set<String> contactsOfA = ids(contacts, "callA", "visitA", "visitBAboutA");
        Set<String> contactsOfB = ids(contacts, "callB", "visitB", "visitBAboutA");
        Set<String> seenByA = ids(entries, "openedA", "commentA", "actionA", "mailA");
        seenByA.addAll(contactsOfA);
        Set<String> seenByB = ids(entries, "openedB", "smsB");
        seenByB.addAll(contactsOfB);
        return new World(customer, issueA, issueB, issueNone, entries, seenByA, seenByB, contacts, contactsOfA, contactsOfB);
    }

    private ObjectNode issue(Map<String, String> entries, String name, String type, String issueId, String customer,
                             long version, String location, ObjectNode change, long minutesAgo) {
        ObjectNode state = issueState(issueId, customer, issueNumber(issueId), "Issue " + name, "open", version, null,
                null, null);
        if (location != null) {
            sharedWith(state, location);
        }
        ObjectNode event = issueEvent(type, state, change, "phone", now.minusMinutes(minutesAgo));
        publisher.send("issue.events", event);
        entries.put(name, event.path("id").asText());
        return event;
    }

    private ObjectNode notification(Map<String, String> entries, String name, String customer, String issueId,
                                    String channel, long minutesAgo) {
        String id = UUID.randomUUID().toString();
        ObjectNode event = notificationEvent("notification.sent", id, customer, issueId, channel, "sent",
                "About " + name, now.minusMinutes(minutesAgo));
        publisher.send("notification.events", event);
        entries.put(name, id);
        return event;
    }

    private static String withoutNotes(String json) {
        return json.replace(", \"internalNotes\": \"note on store\"", "");
    }

    private static Set<String> ids(Map<String, String> names, String... wanted) {
        Set<String> ids = new HashSet<>();
        for (String name : wanted) {
            ids.add(names.get(name));
        }
        return ids;
    }

    private static Set<String> items(Response page) {
        List<String> ids = page.then().statusCode(200).extract().path("items.id");
        return new HashSet<>(ids);
    }

    private Response timeline(String token, World w, String... query) {
        var request = as(token).queryParam("size", 100);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/customers/{id}/timeline", w.customer());
    }

    private Response contactList(String token, World w, String... query) {
        var request = as(token).queryParam("size", 100);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/customers/{id}/contacts", w.customer());
    }

    private static int total(Response page) {
        return page.then().extract().path("total");
    }

    @Test
    void theTimelineShowsAPartnerOnlyWhatConcernsItsLocationAndCountsOnlyThat() {
        World w = world();
        Response ofB = timeline(PARTNER, w);
        assertEquals(w.seenByB(), items(ofB));
        assertEquals(w.seenByB().size(), total(ofB));
        ofB.then().body("items.findAll { it.internal }.size()", equalTo(0));
        Response ofA = timeline(OTHER_PARTNER, w);
        assertEquals(w.seenByA(), items(ofA));
        assertEquals(w.seenByA().size(), total(ofA));

        // filters narrow the scope, never widen it: B asking for A's issue gets an empty page that counts nothing
        Response bOnA = timeline(PARTNER, w, "issueId", w.issueA());
        assertEquals(Set.of(w.contacts().get("visitBAboutA")), items(bOnA), "only B's own visit about it");
        assertEquals(1, total(bOnA));
        Response bOnAHistory = timeline(PARTNER, w, "issueId", w.issueA(), "kind", "issue");
        assertEquals(Set.of(), items(bOnAHistory));
        assertEquals(0, total(bOnAHistory));
        assertEquals(0, total(timeline(PARTNER, w, "issueId", w.issueNone())));
        assertEquals(Set.of(w.entries().get("openedB")), items(timeline(PARTNER, w, "kind", "issue")));
        assertEquals(1, total(timeline(PARTNER, w, "kind", "issue")));
        assertEquals(Set.of(w.entries().get("smsB")), items(timeline(PARTNER, w, "kind", "notification")));
        assertEquals(1, total(timeline(PARTNER, w, "kind", "notification")));
        assertEquals(2, total(timeline(PARTNER, w, "kind", "contact", "channel", "store")));
        // paging counts the same scope
        Response firstOfTwo = as(PARTNER).queryParam("size", 2).get("/customers/{id}/timeline", w.customer());
        assertEquals(w.seenByB().size(), total(firstOfTwo));
        assertTrue(w.seenByB().containsAll(items(firstOfTwo)));

        // staff see everything, as before
        Response ofAgent = timeline(AGENT, w);
        assertEquals(w.all(), items(ofAgent));
        assertEquals(w.all().size(), total(ofAgent));
        assertEquals(6, total(timeline(AGENT, w, "kind", "issue")));
    }

    @Test
    void theContactListShowsAPartnerOnlyContactsOfItsLocationOrAboutItsIssuesAndCountsOnlyThose() {
        World w = world();
        Response ofB = contactList(PARTNER, w);
        assertEquals(w.contactsOfB(), items(ofB));
        assertEquals(3, total(ofB));
        ofB.then().body("items.findAll { it.internalNotes != null }.size()", equalTo(0));
        Response ofA = contactList(OTHER_PARTNER, w);
        assertEquals(w.contactsOfA(), items(ofA));
        assertEquals(3, total(ofA));
        Response bOnA = contactList(PARTNER, w, "issueId", w.issueA());
        assertEquals(Set.of(w.contacts().get("visitBAboutA")), items(bOnA));
        assertEquals(1, total(bOnA));
        Response bPhone = contactList(PARTNER, w, "channel", "phone");
        assertEquals(Set.of(w.contacts().get("callB")), items(bPhone));
        assertEquals(1, total(bPhone));
        Response ofAgent = contactList(AGENT, w);
        assertEquals(w.allContacts(), items(ofAgent));
        assertEquals(6, total(ofAgent));
    }

    @Test
    void aContactAndItsAuditTrailAreReadableExactlyWhenTheListShowsThem() {
        World w = world();
        for (var contact : w.contacts().entrySet()) {
            for (String[] partner : new String[][]{{"B", PARTNER}, {"A", OTHER_PARTNER}}) {
                boolean visible = (partner[0].equals("B") ? w.contactsOfB() : w.contactsOfA()).contains(contact.getValue());
                Response read = as(partner[1]).get("/contacts/{id}", contact.getValue());
                Response trail = as(partner[1]).get("/contacts/{id}/amendments", contact.getValue());
                if (visible) {
                    read.then().statusCode(200).body("internalNotes", nullValue());
                    trail.then().statusCode(200);
                } else {
                    assertProblem(read.then(), 404);
                    assertProblem(trail.then(), 404);
                }
            }
            as(AGENT).get("/contacts/{id}", contact.getValue()).then().statusCode(200);
        }
    }

    @Test
    void aPartnerAmendsOnlyItsOwnLocationsContactsEvenAmongThoseItMayRead() {
        World w = world();
        String amendment = "{\"reason\": \"outcome known\", \"changes\": {\"outcome\": \"resolved\"}}";
        as(PARTNER).body(amendment).post("/contacts/{id}/amendments", w.contacts().get("visitB")).then().statusCode(200);
        assertProblem(as(PARTNER).body(amendment).post("/contacts/{id}/amendments", w.contacts().get("callB")).then(), 403);
        assertProblem(as(PARTNER).body(amendment).post("/contacts/{id}/amendments", w.contacts().get("callA")).then(), 404);
        assertProblem(as(PARTNER).body(amendment).post("/contacts/{id}/amendments", w.contacts().get("visitA")).then(), 404);
        for (String unchanged : List.of("callB", "callA", "visitA")) {
            as(AGENT).get("/contacts/{id}", w.contacts().get(unchanged)).then().header("ETag", "\"0\"")
                    .body("outcome", equalTo("information_given"));
        }
    }

    @Test
    void sharingFollowsTheIssueEventsAndTheReplicaHoldsASetOfLocations() throws Exception {
        World w = world();
        Set<String> ofIssueA = ids(w.entries(), "openedA", "commentA", "actionA", "mailA", "callA");
        // A later event of an issue opened for nobody names B: B now sees that issue, as soon as the replica knows
        ObjectNode named = issueEvent("issue.next-action-set", sharedWith(issueState(w.issueNone(), w.customer(),
                        issueNumber(w.issueNone()), "Issue openedNone", "open", 1, "Bring it in", "customer",
                        now.plusDays(1)), B), Upstream.nextActionChange("Bring it in", "customer", now.plusDays(1)), "phone",
                now.minusMinutes(100));
        publisher.send("issue.events", named);
        awaitApplied(db, named);
        Set<String> expected = new HashSet<>(w.seenByB());
        expected.addAll(Set.of(w.entries().get("openedNone"), named.path("id").asText()));
        assertEquals(expected, items(timeline(PARTNER, w)));

        // issue.shared adds B to A's issue: B sees its history, notifications and contacts; A still does
        ObjectNode shared = issueEvent("issue.shared", sharedWith(issueState(w.issueA(), w.customer(),
                issueNumber(w.issueA()), "Issue openedA", "open", 3, null, null, null), A),
                change().put("locationId", B), "phone", now.minusMinutes(90));
        publisher.send("issue.events", shared);
        awaitApplied(db, shared);
        assertEquals(2, count(db, "select count(*) from issue_replica_location where issue_id = ?::uuid",
                UUID.fromString(w.issueA())));
        Set<String> withA = new HashSet<>(expected);
        withA.addAll(ofIssueA);
        Response ofB = timeline(PARTNER, w);
        assertEquals(withA, items(ofB));
        assertEquals(withA.size(), total(ofB));
        as(PARTNER).get("/contacts/{id}", w.contacts().get("callA")).then().statusCode(200);
        assertEquals(4, total(contactList(PARTNER, w)));
        assertEquals(w.seenByA(), items(timeline(OTHER_PARTNER, w)));

        // a late, older state changes nothing; issue.unshared takes B away again
        ObjectNode late = issueEvent("issue.unshared", sharedWith(issueState(w.issueA(), w.customer(),
                issueNumber(w.issueA()), "Issue openedA", "open", 2, null, null, null), A),
                change().put("locationId", B), "phone", now.minusMinutes(95));
        publisher.send("issue.events", late);
        awaitApplied(db, late);
        assertEquals(withA, items(timeline(PARTNER, w)));
        ObjectNode unshared = issueEvent("issue.unshared", sharedWith(issueState(w.issueA(), w.customer(),
                issueNumber(w.issueA()), "Issue openedA", "open", 4, null, null, null), A),
                change().put("locationId", B), "phone", now.minusMinutes(80));
        publisher.send("issue.events", unshared);
        awaitApplied(db, unshared);
        Response after = timeline(PARTNER, w);
        assertEquals(expected, items(after));
        assertEquals(expected.size(), total(after));
        assertProblem(as(PARTNER).get("/contacts/{id}", w.contacts().get("callA")).then(), 404);
        // sharing events are not timeline lines of their own
        assertEquals(0, count(db, "select count(*) from timeline_entry where id in (?::uuid, ?::uuid, ?::uuid)",
                UUID.fromString(shared.path("id").asText()), UUID.fromString(late.path("id").asText()),
                UUID.fromString(unshared.path("id").asText())));
    }

    @Test
    void aSharingEventWithoutALocationIsRejectedWhole() throws Exception {
        World w = world();
        ObjectNode broken = issueEvent("issue.shared", sharedWith(issueState(w.issueA(), w.customer(),
                issueNumber(w.issueA()), "Issue openedA", "open", 9, null, null, null), A), change(), "phone", now);
        publisher.sendOutOfContract("issue.events", broken);
        ObjectNode sentinel = issueEvent("issue.reopened", sharedWith(issueState(w.issueB(), w.customer(),
                issueNumber(w.issueB()), "Issue openedB", "open", 5, null, null, null), B),
                change().put("reason", "again").put("by", "customer"), "web", now);
        sentinel.put("subject", w.issueA()); // same key as the broken one, so it is consumed after it
        publisher.send("issue.events", sentinel);
        awaitApplied(db, sentinel);
        assertEquals(2, count(db, "select version from issue_replica where id = ?::uuid", UUID.fromString(w.issueA())),
                "the broken event changed nothing");
        Set<String> ofB = new HashSet<>(w.seenByB());
        ofB.add(sentinel.path("id").asText()); // B's own issue reopened
        assertEquals(ofB, items(timeline(PARTNER, w)), "B was not given A's issue");
        assertEquals(w.seenByA(), new HashSet<>(items(timeline(OTHER_PARTNER, w))));
    }

    static Stream<String> partnerEndpoints() {
        return PARTNER_ENDPOINTS.stream();
    }

    /** Each endpoint a partner may call, driven by B against A's data: nothing of A's issues comes back. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("partnerEndpoints")
    void everyPartnerEndpointKeepsAnotherLocationsIssuesFromThePartner(String endpoint) {
        World w = world();
        Set<String> aOnly = new HashSet<>(w.all());
        aOnly.removeAll(w.seenByB());
        String amendment = "{\"reason\": \"probe\", \"changes\": {\"outcome\": \"other\"}}";
        switch (endpoint) {
            case "POST /contacts" -> {
                assertProblem(log(PARTNER, withoutNotes(contactJson(w.customer(), "store", A, now.minusMinutes(1), null)))
                        .then(), 403);
                String own = log(PARTNER, withoutNotes(contactJson(w.customer(), "store", null, now.minusMinutes(1),
                        w.issueA()))).then().statusCode(201).body("locationId", equalTo(B)).extract().path("id");
                Set<String> seen = items(timeline(PARTNER, w));
                assertTrue(seen.contains(own), "its own contact");
                assertEquals(Set.of(), intersection(seen, aOnly), "logging about A's issue reveals nothing of it");
            }
            case "GET /contacts/{id}" -> {
                for (String id : w.allContacts()) {
                    int expected = w.contactsOfB().contains(id) ? 200 : 404;
                    as(PARTNER).get("/contacts/{id}", id).then().statusCode(expected);
                }
            }
            case "POST /contacts/{id}/amendments" -> {
                for (String id : w.allContacts()) {
                    if (!w.contactsOfB().contains(id)) {
                        assertProblem(as(PARTNER).body(amendment).post("/contacts/{id}/amendments", id).then(), 404);
                    }
                }
            }
            case "GET /contacts/{id}/amendments" -> {
                for (String id : w.allContacts()) {
                    int expected = w.contactsOfB().contains(id) ? 200 : 404;
                    as(PARTNER).get("/contacts/{id}/amendments", id).then().statusCode(expected);
                }
            }
            case "GET /customers/{id}/contacts" -> {
                for (String[] filter : new String[][]{{}, {"issueId", w.issueA()}, {"channel", "phone"},
                        {"issueId", w.issueNone()}}) {
                    Response page = contactList(PARTNER, w, filter);
                    assertEquals(Set.of(), intersection(items(page), aOnly), Arrays.toString(filter));
                    assertEquals(items(page).size(), total(page), "the total counts what B sees " + Arrays.toString(filter));
                }
            }
            case "GET /customers/{id}/timeline" -> {
                for (String[] filter : new String[][]{{}, {"issueId", w.issueA()}, {"kind", "issue"},
                        {"kind", "notification"}, {"channel", "email"}, {"issueId", w.issueNone()}}) {
                    Response page = timeline(PARTNER, w, filter);
                    assertEquals(Set.of(), intersection(items(page), aOnly), Arrays.toString(filter));
                    assertEquals(items(page).size(), total(page), "the total counts what B sees " + Arrays.toString(filter));
                }
            }
            default -> throw new AssertionError("no check for " + endpoint);
        }
        // a partner token without a location gets nothing from it
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        String url = path.startsWith("/customers") ? path.replace("{id}", w.customer())
                : path.replace("{id}", w.contacts().get("visitB"));
        var request = as(PARTNER_WITHOUT_LOCATION);
        Response refused = endpoint.startsWith("POST /contacts/") ? request.body(amendment).post(url)
                : endpoint.startsWith("POST") ? request.body(withoutNotes(contactJson(w.customer(), "store", null,
                now.minusMinutes(1), null))).post(url) : request.get(url);
        assertProblem(refused.then(), 403);
    }

    @Test
    void theSummaryIsNotForPartners() {
        World w = world();
        assertProblem(as(PARTNER).get("/customers/{id}/summary", w.customer()).then(), 403);
        assertProblem(as(OTHER_PARTNER).get("/customers/{id}/summary", w.customer()).then(), 403);
        as(AGENT).get("/customers/{id}/summary", w.customer()).then().statusCode(200)
                .body("openIssues.size()", equalTo(3));
    }

    /**
     * The endpoints whose roles include partner, read from the compiled resources (by annotation names, so the check
     * does not depend on which class loader loaded them), are exactly those tested above.
     */
    @Test
    void theEnumerationNamesEveryEndpointAPartnerMayCall() {
        Set<String> found = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.anchor.contact")) {
            if (!type.isAnnotatedWith(Path.class.getName())) {
                continue;
            }
            String base = (String) type.getAnnotationOfType(Path.class.getName()).get("value").orElseThrow();
            for (JavaMethod method : type.getMethods()) {
                String verb = Stream.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)
                        .filter(v -> method.isAnnotatedWith(v.getName())).map(Class::getSimpleName).findFirst().orElse(null);
                var roles = method.tryGetAnnotationOfType(RolesAllowed.class.getName());
                if (verb == null || roles.isEmpty()
                        || !Arrays.asList((String[]) roles.get().get("value").orElseThrow()).contains("partner")) {
                    continue;
                }
                String sub = method.tryGetAnnotationOfType(Path.class.getName())
                        .map(p -> (String) p.get("value").orElseThrow()).orElse("");
                found.add(verb + " " + (base + "/" + sub).replaceAll("/+", "/").replaceAll("(.)/$", "$1"));
            }
        }
        assertTrue(found.size() >= 5, "the resources were found: " + found);
        assertEquals(new TreeSet<>(PARTNER_ENDPOINTS), found);
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
