package dev.anchor.customer;

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
import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.as;
import static dev.anchor.customer.CustomerFixtures.newCustomerJson;
import static dev.anchor.customer.CustomerFixtures.registerId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** No token is 401, a token the service does not trust is 401, a role that may not do it is 403. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class CustomerSecurityTest {

    private static final String PREFERENCES = """
            {"preferredChannel": "email", "fallbackAllowed": true, "language": "en", "timeZone": "UTC",
             "consent": {"service": true, "marketing": false}}""";

    /**
     * Every endpoint with the roles allowed to call it. These tokens name no location, so a partner is refused even
     * where its role may read (403); what a partner with a location sees is {@link PartnerScopeTest}'s.
     */
    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "POST,   /customers,                   partner,    403",
            "POST,   /customers,                   system,     201",
            "GET,    /customers/{id},              partner,    403",
            "GET,    /customers/{id},              system,     200",
            "GET,    /customers,                   partner,    403",
            "PATCH,  /customers/{id},              partner,    403",
            "PATCH,  /customers/{id},              system,     403",
            "PATCH,  /customers/{id},              supervisor, 200",
            "PUT,    /customers/{id}/preferences,  partner,    403",
            "PUT,    /customers/{id}/preferences,  system,     403",
            "POST,   /customers/{id}/merge,        partner,    403",
            "POST,   /customers/{id}/merge,        system,     403",
            "GET,    /customers/{id}/export,       partner,    403",
            "GET,    /customers/{id}/export,       system,     200",
            "POST,   /customers/{id}/exports,      partner,    403",
            "POST,   /customers/{id}/exports,      agent,      202",
            "POST,   /customers/{id}/exports,      supervisor, 202",
            "POST,   /customers/{id}/exports,      system,     202",
            "GET,    /customers/{id}/exports/{exportId}, partner,    403",
            "GET,    /customers/{id}/exports/{exportId}, agent,      202",
            "GET,    /customers/{id}/exports/{exportId}, supervisor, 202",
            "GET,    /customers/{id}/exports/{exportId}, system,     202",
            "DELETE, /customers/{id},              agent,      403",
            "DELETE, /customers/{id},              partner,    403",
            "DELETE, /customers/{id},              system,     403",
            "DELETE, /customers/{id},              supervisor, 204"})
    void rolesDecide(String method, String path, String role, int status) {
        String id = registerId();
        var response = send(given().auth().oauth2(TestJwt.token(role, role + ".user")), method, path, id).then();
        if (status >= 400) {
            assertProblem(response, status);
        } else {
            response.statusCode(status);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST,   /customers", "GET, /customers/{id}", "GET, /customers", "PATCH, /customers/{id}",
            "PUT, /customers/{id}/preferences", "POST, /customers/{id}/merge", "GET, /customers/{id}/export",
            "POST, /customers/{id}/exports", "GET, /customers/{id}/exports/{exportId}", "DELETE, /customers/{id}"})
    void everyEndpointNeedsAToken(String method, String path) {
        String id = registerId();
        assertProblem(send(given(), method, path, id).then(), 401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void untrustedTokensAreRefused() {
        String id = registerId();
        for (String token : new String[]{TestJwt.expired("agent", "a"), TestJwt.forged("agent", "a"),
                TestJwt.wrongIssuer("agent", "a"), "not.a.jwt"}) {
            assertProblem(given().auth().oauth2(token).get("/customers/{id}", id).then(), 401);
        }
    }

    @Test
    void refusedRequestsChangeNothing() {
        String id = registerId();
        given().auth().oauth2(TestJwt.token("partner", "p")).contentType(ContentType.JSON)
                .body("{\"givenName\": \"Mallory\"}").patch("/customers/{id}", id).then().statusCode(403);
        given().auth().oauth2(TestJwt.expired("agent", "a")).contentType(ContentType.JSON)
                .body("{\"givenName\": \"Mallory\"}").patch("/customers/{id}", id).then().statusCode(401);
        as(AGENT).get("/customers/{id}", id).then().body("givenName", equalTo("Ada")).header("ETag", "\"0\"");
    }

    private io.restassured.response.Response send(RequestSpecification request, String method, String path, String id) {
        RequestSpecification spec = request.contentType(ContentType.JSON);
        String url = path.replace("{id}", id);
        if (url.contains("{exportId}")) {
            url = url.replace("{exportId}", ExportFixtures.startExport(id));
        }
        return switch (method + " " + path) {
            case "POST /customers" -> spec.body(newCustomerJson()).post(url);
            case "PATCH /customers/{id}" -> spec.body("{\"givenName\": \"Grace\"}").patch(url);
            case "PUT /customers/{id}/preferences" -> spec.body(PREFERENCES).put(url);
            case "POST /customers/{id}/merge" -> spec.body(Map.of("duplicateId", registerId())).post(url);
            case "POST /customers/{id}/exports" -> spec.post(url);
            case "DELETE /customers/{id}" -> spec.delete(url);
            default -> spec.get(url);
        };
    }
}
