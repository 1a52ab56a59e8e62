package dev.anchor.customer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.TestJwt;
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

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.SUPERVISOR;
import static dev.anchor.customer.CustomerFixtures.SYSTEM;
import static dev.anchor.customer.CustomerFixtures.as;
import static dev.anchor.customer.CustomerFixtures.register;
import static dev.anchor.customer.ExportFixtures.count;
import static dev.anchor.customer.IssueShareFixtures.newLocation;
import static dev.anchor.customer.IssueShareFixtures.opened;
import static dev.anchor.customer.IssueShareFixtures.partnerAt;
import static dev.anchor.customer.IssueShareFixtures.publishAndAwait;
import static dev.anchor.customer.IssueShareFixtures.shared;
import static dev.anchor.customer.IssueShareFixtures.statusChanged;
import static dev.anchor.customer.IssueShareFixtures.unshared;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12 (trust) in customer-service: a partner reads a customer, and finds it, only while one of the customer's
 * issues is shared with the partner's location (learnt from issue.events); any other customer is 404 to it, exactly
 * like one that does not exist, and search totals count only what it may read.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class PartnerScopeTest {

    /** Every endpoint a partner token may call; {@link #theEnumerationNamesEveryEndpointAPartnerMayCall} keeps it whole. */
    static final List<String> PARTNER_ENDPOINTS = List.of("GET /customers", "GET /customers/{id}");

    @Inject
    DataSource dataSource;

    private EventPublisher publisher;
    private String a;
    private String b;

    @BeforeEach
    void connect() {
        publisher = new EventPublisher();
        a = newLocation("store-a");
        b = newLocation("store-b");
    }

    @AfterEach
    void disconnect() {
        publisher.close();
    }

    /** Three customers of one family (found together by name): an issue shared with A, one with B, one with nobody. */
    private record Family(String name, String ofA, String ofB, String ofNobody, String issueA, String issueB,
                          String issueNobody) {
    }

    private Family family() {
        String name = "Partnerscope" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Family f = new Family(name, registerNamed(name), registerNamed(name), registerNamed(name),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        publishAndAwait(publisher, dataSource, opened(f.issueA(), f.ofA(), a));
        publishAndAwait(publisher, dataSource, opened(f.issueB(), f.ofB(), b));
        publishAndAwait(publisher, dataSource, opened(f.issueNobody(), f.ofNobody(), null));
        return f;
    }

    private static String registerNamed(String family) {
        String json = CustomerFixtures.newCustomerJson().replaceFirst("\"familyName\": \"[^\"]*\"",
                "\"familyName\": \"" + family + "\"");
        return register(json).then().statusCode(201).extract().path("id");
    }

    private static Response find(String token, String... query) {
        var request = as(token);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/customers");
    }

    /** A 404 problem, with the id it names replaced, so two of them compare equal when they say the same. */
    private static String notFound(String token, String id) {
        Response response = as(token).get("/customers/{id}", id);
        assertProblem(response.then(), 404);
        return response.asString().replace(id, "{id}");
    }

    @Test
    void aPartnerReadsOnlyACustomerWithAnIssueSharedWithItsLocation() {
        Family f = family();
        as(partnerAt(a)).get("/customers/{id}", f.ofA()).then().statusCode(200)
                .body("id", equalTo(f.ofA()))
                .body("displayName", notNullValue())
                .body("emails", org.hamcrest.Matchers.hasSize(1))
                .body("$", not(hasKey("addresses")))
                .body("$", not(hasKey("externalReferences")))
                .body("$", not(hasKey("preferences")));
        String unknown = notFound(partnerAt(a), UUID.randomUUID().toString());
        assertEquals(unknown, notFound(partnerAt(a), f.ofB()), "shared only with B: as if it did not exist");
        assertEquals(unknown, notFound(partnerAt(a), f.ofNobody()), "shared with nobody: as if it did not exist");
        as(partnerAt(b)).get("/customers/{id}", f.ofB()).then().statusCode(200);
        assertEquals(unknown, notFound(partnerAt(b), f.ofA()));
        assertEquals(unknown, notFound(partnerAt(newLocation("store-c")), f.ofA()));
        // staff and services see everyone, as before
        for (String token : List.of(AGENT, SUPERVISOR, SYSTEM)) {
            for (String id : List.of(f.ofA(), f.ofB(), f.ofNobody())) {
                as(token).get("/customers/{id}", id).then().statusCode(200).body("$", hasKey("addresses"));
            }
        }
    }

    @Test
    void aPartnerFindsAndCountsOnlyTheCustomersItMayRead() {
        Family f = family();
        find(partnerAt(a), "q", f.name()).then().statusCode(200)
                .body("items.id", contains(f.ofA())).body("total", equalTo(1))
                .body("items[0]", not(hasKey("addresses")));
        find(partnerAt(b), "q", f.name()).then().body("items.id", contains(f.ofB())).body("total", equalTo(1));
        find(partnerAt(newLocation("store-c")), "q", f.name()).then().body("total", equalTo(0));
        find(AGENT, "q", f.name()).then().body("total", equalTo(3));
        // every filter narrows the scope, none widens it
        String emailOfB = as(AGENT).get("/customers/{id}", f.ofB()).path("emails[0].address");
        String phoneOfB = as(AGENT).get("/customers/{id}", f.ofB()).path("phones[0].number");
        find(partnerAt(a), "email", emailOfB).then().body("total", equalTo(0)).body("items.size()", equalTo(0));
        find(partnerAt(a), "phone", phoneOfB).then().body("total", equalTo(0));
        find(partnerAt(b), "email", emailOfB).then().body("items.id", contains(f.ofB())).body("total", equalTo(1));
        // paging counts the same scope
        find(partnerAt(a), "q", f.name(), "size", "1", "page", "1").then()
                .body("items.size()", equalTo(0)).body("total", equalTo(1));
    }

    @Test
    void sharingAndUnsharingFollowTheIssueEvents() {
        Family f = family();
        // a next action or booking at B's place is published as issue.shared: B now sees the customer of A's issue
        publishAndAwait(publisher, dataSource, shared(f.issueA(), f.ofA(), 1, b, List.of(a, b)));
        as(partnerAt(b)).get("/customers/{id}", f.ofA()).then().statusCode(200);
        find(partnerAt(b), "q", f.name()).then().body("total", equalTo(2));
        // the share with A ends: A loses sight of the customer, B keeps it
        publishAndAwait(publisher, dataSource, unshared(f.issueA(), f.ofA(), 2, a, List.of(b)));
        assertProblem(as(partnerAt(a)).get("/customers/{id}", f.ofA()).then(), 404);
        find(partnerAt(a), "q", f.name()).then().body("total", equalTo(0)).body("items.size()", equalTo(0));
        as(partnerAt(b)).get("/customers/{id}", f.ofA()).then().statusCode(200);
        // a customer seen through two issues stays visible until both shares end
        String second = UUID.randomUUID().toString();
        publishAndAwait(publisher, dataSource, opened(second, f.ofA(), b));
        publishAndAwait(publisher, dataSource, unshared(f.issueA(), f.ofA(), 3, b, List.of()));
        as(partnerAt(b)).get("/customers/{id}", f.ofA()).then().statusCode(200);
        publishAndAwait(publisher, dataSource, unshared(second, f.ofA(), 1, b, List.of()));
        assertProblem(as(partnerAt(b)).get("/customers/{id}", f.ofA()).then(), 404);
    }

    @Test
    void aRedeliveredEventChangesNothingAndEventsWithoutAShareAreOnlyClaimed() throws Exception {
        Family f = family();
        ObjectNode share = shared(f.issueNobody(), f.ofNobody(), 1, a, List.of(a));
        publishAndAwait(publisher, dataSource, share);
        publishAndAwait(publisher, dataSource, unshared(f.issueNobody(), f.ofNobody(), 2, a, List.of()));
        // the same share again (a redelivery: same event id), then an event of the same issue that shares nothing
        publisher.send("issue.events", share);
        ObjectNode after = statusChanged(f.issueNobody(), f.ofNobody(), 3, List.of());
        publishAndAwait(publisher, dataSource, after); // same key: consumed after the redelivery
        assertProblem(as(partnerAt(a)).get("/customers/{id}", f.ofNobody()).then(), 404);
        assertEquals(0, count(dataSource, "select count(*) from issue_share where issue_id = ?", f.issueNobody()));
        assertEquals(1, count(dataSource, "select count(*) from inbox_message where event_id = ?",
                share.get("id").asText()), "claimed once");
        assertEquals(1, count(dataSource, "select count(*) from inbox_message where event_id = ?",
                after.get("id").asText()), "an event without a share is marked processed too");
    }

    @Test
    void aSharingEventWithoutALocationIsRejectedWhole() {
        Family f = family();
        ObjectNode broken = shared(f.issueNobody(), f.ofNobody(), 1, a, List.of(a));
        ((ObjectNode) broken.get("data")).putObject("change");
        publisher.send("issue.events", broken);
        ObjectNode sentinel = shared(f.issueNobody(), f.ofNobody(), 2, b, List.of(b));
        publishAndAwait(publisher, dataSource, sentinel); // same key: consumed after the broken one
        assertEquals(0, count(dataSource, "select count(*) from inbox_message where event_id = ?",
                broken.get("id").asText()), "rejected, not applied");
        assertProblem(as(partnerAt(a)).get("/customers/{id}", f.ofNobody()).then(), 404);
        as(partnerAt(b)).get("/customers/{id}", f.ofNobody()).then().statusCode(200);
    }

    @Test
    void sharesFollowAMergeToTheSurvivorAndGoWithAnErasure() {
        Family f = family();
        String survivor = f.ofNobody();
        as(AGENT).body(Map.of("duplicateId", f.ofA())).post("/customers/{id}/merge", survivor).then().statusCode(200);
        // A's issue belongs to the survivor now: A reads it, and the retired record redirects A there
        as(partnerAt(a)).get("/customers/{id}", survivor).then().statusCode(200).body("id", equalTo(survivor));
        as(partnerAt(a)).redirects().follow(false).get("/customers/{id}", f.ofA()).then().statusCode(308)
                .header("Location", endsWith("/customers/" + survivor));
        find(partnerAt(a), "q", f.name()).then().body("items.id", contains(survivor)).body("total", equalTo(1));
        assertProblem(as(partnerAt(b)).get("/customers/{id}", survivor).then(), 404);
        assertProblem(as(partnerAt(b)).get("/customers/{id}", f.ofA()).then(), 404);
        // an issue still naming the retired record is shared with the survivor
        String late = UUID.randomUUID().toString();
        publishAndAwait(publisher, dataSource, opened(late, f.ofA(), b));
        as(partnerAt(b)).get("/customers/{id}", survivor).then().statusCode(200);
        assertEquals(0, count(dataSource, "select count(*) from issue_share where customer_id = ?", f.ofA()));

        as(SUPERVISOR).delete("/customers/{id}", survivor).then().statusCode(204);
        assertEquals(0, count(dataSource, "select count(*) from issue_share where customer_id = ?", survivor));
        String unknown = notFound(partnerAt(a), UUID.randomUUID().toString());
        assertEquals(unknown, notFound(partnerAt(a), survivor), "erased: nothing is revealed, not even 410");
        assertEquals(unknown, notFound(partnerAt(a), f.ofA()));
        // a share arriving after the erasure keeps nothing
        ObjectNode after = shared(late, survivor, 1, a, List.of(a, b));
        publishAndAwait(publisher, dataSource, after);
        assertEquals(0, count(dataSource, "select count(*) from issue_share where issue_id = ?", late));
    }

    @Test
    void aPartnerTokenWithoutALocationIsRefusedEverywhere() {
        Family f = family();
        String nowhere = partnerAt(null);
        assertProblem(as(nowhere).get("/customers/{id}", f.ofA()).then(), 403);
        assertProblem(as(nowhere).get("/customers/{id}", UUID.randomUUID().toString()).then(), 403);
        assertProblem(find(nowhere, "q", f.name()).then(), 403);
        assertProblem(find(nowhere).then(), 403);
    }

    /** The endpoints whose roles include partner, read from the compiled resources, are exactly those tested above. */
    @Test
    void theEnumerationNamesEveryEndpointAPartnerMayCall() {
        Set<String> found = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.anchor.customer")) {
            if (!type.isAnnotatedWith(Path.class.getName())) {
                continue;
            }
            String base = (String) type.getAnnotationOfType(Path.class.getName()).get("value").orElseThrow();
            for (JavaMethod method : type.getMethods()) {
                String verb = Stream.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)
                        .filter(v -> method.isAnnotatedWith(v.getName())).map(Class::getSimpleName).findFirst()
                        .orElse(null);
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
        assertEquals(new TreeSet<>(PARTNER_ENDPOINTS), found);
    }
}
