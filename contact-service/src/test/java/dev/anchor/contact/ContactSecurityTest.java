package dev.anchor.contact;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.contact.ContactFixtures.AGENT;
import static dev.anchor.contact.ContactFixtures.PARTNER;
import static dev.anchor.contact.ContactFixtures.PARTNER_WITHOUT_LOCATION;
import static dev.anchor.contact.ContactFixtures.STORE;
import static dev.anchor.contact.ContactFixtures.as;
import static dev.anchor.contact.ContactFixtures.contactJson;
import static dev.anchor.contact.ContactFixtures.log;
import static dev.anchor.contact.ContactFixtures.minutesAgo;
import static dev.anchor.contact.ContactFixtures.newCustomerId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** No token is 401, a token the service does not trust is 401, a role that may not do it is 403. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ContactSecurityTest {

    private static final String AMENDMENT = "{\"reason\": \"correction\", \"changes\": {\"outcome\": \"resolved\"}}";

    /** Every endpoint with the roles allowed to call it; the contact is a store visit at the partner's location. */
    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "POST, /contacts,                        agent,      201",
            "POST, /contacts,                        supervisor, 201",
            "POST, /contacts,                        partner,    201",
            "POST, /contacts,                        system,     403",
            "GET,  /contacts/{id},                   agent,      200",
            "GET,  /contacts/{id},                   partner,    200",
            "GET,  /contacts/{id},                   system,     200",
            "POST, /contacts/{id}/amendments,        supervisor, 200",
            "POST, /contacts/{id}/amendments,        partner,    200",
            "POST, /contacts/{id}/amendments,        system,     403",
            "GET,  /contacts/{id}/amendments,        partner,    200",
            "GET,  /contacts/{id}/amendments,        system,     200",
            "GET,  /customers/{customer}/contacts,   partner,    200",
            "GET,  /customers/{customer}/contacts,   system,     200",
            "GET,  /customers/{customer}/timeline,   partner,    200",
            "GET,  /customers/{customer}/timeline,   system,     200",
            "GET,  /customers/{customer}/summary,    agent,      200",
            "GET,  /customers/{customer}/summary,    system,     200",
            "GET,  /customers/{customer}/summary,    partner,    403"})
    void rolesDecide(String method, String path, String role, int status) {
        String customer = newCustomerId();
        String id = log(AGENT, contactJson(customer, "store", STORE, minutesAgo(5), null)).path("id");
        String token = role.equals("partner") ? PARTNER : TestJwt.token(role, role + ".user");
        var response = send(given().auth().oauth2(token), method, path, id, customer).then();
        if (status >= 400) {
            assertProblem(response, status);
        } else {
            response.statusCode(status);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POST, /contacts", "GET, /contacts/{id}", "POST, /contacts/{id}/amendments", "GET, /contacts/{id}/amendments",
            "GET, /customers/{customer}/contacts", "GET, /customers/{customer}/timeline"})
    void aPartnerTokenWithoutALocationIsForbidden(String method, String path) {
        String customer = newCustomerId();
        String id = log(AGENT, contactJson(customer, "store", STORE, minutesAgo(5), null)).path("id");
        assertProblem(send(given().auth().oauth2(PARTNER_WITHOUT_LOCATION), method, path, id, customer).then(), 403);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POST, /contacts", "GET, /contacts/{id}", "POST, /contacts/{id}/amendments", "GET, /contacts/{id}/amendments",
            "GET, /customers/{customer}/contacts", "GET, /customers/{customer}/timeline", "GET, /customers/{customer}/summary"})
    void everyEndpointNeedsAToken(String method, String path) {
        String customer = newCustomerId();
        String id = log(AGENT, contactJson(customer, "store", STORE, minutesAgo(5), null)).path("id");
        assertProblem(send(given(), method, path, id, customer).then(), 401).header("WWW-Authenticate", "Bearer");
        for (String token : new String[]{TestJwt.expired("agent", "a"), TestJwt.forged("agent", "a"),
                TestJwt.wrongIssuer("agent", "a"), "not.a.jwt"}) {
            assertProblem(send(given().auth().oauth2(token), method, path, id, customer).then(), 401);
        }
    }

    @Test
    void refusedRequestsChangeNothing() {
        String customer = newCustomerId();
        String id = log(AGENT, contactJson(customer, "store", STORE, minutesAgo(5), null)).path("id");
        given().auth().oauth2(TestJwt.token("system", "s")).contentType(ContentType.JSON).body(AMENDMENT)
                .post("/contacts/{id}/amendments", id).then().statusCode(403);
        given().auth().oauth2(TestJwt.expired("agent", "a")).contentType(ContentType.JSON).body(AMENDMENT)
                .post("/contacts/{id}/amendments", id).then().statusCode(401);
        given().auth().oauth2(TestJwt.token("system", "s")).contentType(ContentType.JSON)
                .body(contactJson(customer, "phone", null, minutesAgo(1), null)).post("/contacts").then().statusCode(403);
        given().contentType(ContentType.JSON).body(contactJson(customer, "phone", null, minutesAgo(1), null))
                .post("/contacts").then().statusCode(401);
        as(AGENT).get("/contacts/{id}", id).then().header("ETag", "\"0\"").body("outcome", equalTo("information_given"));
        as(AGENT).get("/customers/{id}/contacts", customer).then().body("total", equalTo(1));
    }

    private io.restassured.response.Response send(RequestSpecification request, String method, String path, String id,
                                                  String customer) {
        RequestSpecification spec = request.contentType(ContentType.JSON);
        String url = path.replace("{id}", id).replace("{customer}", customer);
        return switch (method + " " + path) {
            case "POST /contacts" -> spec.body(contactJson(customer, "store", STORE, minutesAgo(1), null)
                    .replace(", \"internalNotes\": \"note on store\"", "")).post(url);
            case "POST /contacts/{id}/amendments" -> spec.body(Map.of("reason", "correction",
                    "changes", Map.of("outcome", "resolved"))).post(url);
            default -> spec.get(url);
        };
    }
}
