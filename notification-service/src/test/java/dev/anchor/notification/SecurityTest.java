package dev.anchor.notification;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;

/** No token is 401, a token the service does not trust is 401, a role that may not do it is 403. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SecurityTest {

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "GET,  /notifications,                      partner,    403",
            "GET,  /notifications,                      agent,      200",
            "GET,  /notifications,                      supervisor, 200",
            "GET,  /notifications,                      system,     200",
            "GET,  /notifications/{id},                 partner,    403",
            "GET,  /notifications/{id},                 system,     404",
            "GET,  /templates,                          partner,    403",
            "GET,  /templates,                          system,     200",
            "POST, /templates/issue-opened/preview,     partner,    403",
            "POST, /templates/issue-opened/preview,     supervisor, 200",
            "POST, /templates/issue-opened/preview,     system,     200"})
    void rolesDecide(String method, String path, String role, int status) {
        var response = send(given().auth().oauth2(TestJwt.token(role, role + ".user")), method, path).then();
        if (status >= 400) {
            assertProblem(response, status);
        } else {
            response.statusCode(status);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /notifications", "GET, /notifications/{id}", "GET, /templates", "POST, /templates/issue-opened/preview"})
    void everyEndpointNeedsATrustedToken(String method, String path) {
        assertProblem(send(given(), method, path).then(), 401).header("WWW-Authenticate", "Bearer");
        for (String token : new String[]{TestJwt.expired("agent", "a"), TestJwt.forged("agent", "a"),
                TestJwt.wrongIssuer("agent", "a"), "not.a.jwt"}) {
            assertProblem(send(given().auth().oauth2(token), method, path).then(), 401);
        }
    }

    @Test
    void callbacksTakeNoJwtButASignature() {
        assertProblem(given().auth().oauth2(TestJwt.token("system", "s")).contentType(ContentType.JSON)
                .body("{\"reference\": \"" + UUID.randomUUID() + "\", \"status\": \"delivered\"}")
                .post("/callbacks/sms").then(), 401);
    }

    private static io.restassured.response.Response send(RequestSpecification request, String method, String path) {
        String url = path.replace("{id}", UUID.randomUUID().toString());
        return "POST".equals(method) ? request.contentType(ContentType.JSON).body("{}").post(url) : request.get(url);
    }
}
