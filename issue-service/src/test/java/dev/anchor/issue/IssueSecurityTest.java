package dev.anchor.issue;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.issueJson;
import static dev.anchor.issue.IssueFixtures.openIssue;
import static io.restassured.RestAssured.given;

/** No token is 401, an untrusted token is 401, a role that may not do it is 403 — on every endpoint. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class IssueSecurityTest {

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "POST, /issues,                 partner,    403",
            "POST, /issues,                 system,     201",
            "GET,  /issues/{id},            partner,    200",
            "GET,  /issues/{id},            system,     200",
            "GET,  /issues,                 partner,    200",
            "GET,  /issues/{id}/timeline,   partner,    200",
            "POST, /issues/{id}/assignment, partner,    403",
            "POST, /issues/{id}/assignment, system,     403",
            "POST, /issues/{id}/assignment, supervisor, 200",
            "POST, /issues/{id}/handoffs,   partner,    403",
            "POST, /issues/{id}/handoffs,   system,     403",
            "PUT,  /issues/{id}/next-action, partner,   403",
            "PUT,  /issues/{id}/next-action, system,    403",
            "POST, /issues/{id}/comments,   partner,    201",
            "POST, /issues/{id}/comments,   system,     403",
            "POST, /issues/{id}/actions,    partner,    403",
            "POST, /issues/{id}/actions,    system,     403",
            "POST, /issues/{id}/status,     partner,    403",
            "POST, /issues/{id}/status,     system,     403",
            "POST, /issues/{id}/close,      partner,    403",
            "POST, /issues/{id}/close,      system,     403",
            "POST, /issues/{id}/reopen,     partner,    403",
            "POST, /issues/{id}/reopen,     system,     403"})
    void rolesDecide(String method, String path, String role, int status) {
        String id = openIssue();
        String token = TestJwt.token(role, role + ".user", Map.of("location", "store-12"));
        var response = send(given().auth().oauth2(token), method, path, id).then();
        if (status >= 400) {
            assertProblem(response, status);
        } else {
            response.statusCode(status);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST, /issues", "GET, /issues/{id}", "GET, /issues", "GET, /issues/{id}/timeline",
            "POST, /issues/{id}/assignment", "POST, /issues/{id}/handoffs", "PUT, /issues/{id}/next-action",
            "POST, /issues/{id}/comments", "POST, /issues/{id}/actions", "POST, /issues/{id}/status",
            "POST, /issues/{id}/close", "POST, /issues/{id}/reopen", "GET, /issues/{id}/attachments",
            "GET, /issues/{id}/attachments/00000000-0000-4000-8000-000000000000"})
    void everyEndpointNeedsAToken(String method, String path) {
        String id = openIssue();
        assertProblem(send(given(), method, path, id).then(), 401).header("WWW-Authenticate", "Bearer");
        for (String token : new String[]{TestJwt.expired("agent", "a"), TestJwt.forged("agent", "a"),
                TestJwt.wrongIssuer("agent", "a"), "not.a.jwt"}) {
            assertProblem(send(given().auth().oauth2(token), method, path, id).then(), 401);
        }
        IssueFixtures.as(IssueFixtures.AGENT).get("/issues/{id}", id).then()
                .body("version", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aPartnerWithoutALocationSeesNoIssues() {
        openIssue();
        String token = TestJwt.token("partner", "partner.nowhere");
        given().auth().oauth2(token).get("/issues").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    static Response send(RequestSpecification request, String method, String path, String id) {
        RequestSpecification json = request.contentType(ContentType.JSON).body(body(path, id));
        Object[] params = path.contains("{id}") ? new Object[]{id} : new Object[0];
        return switch (method) {
            case "GET" -> request.get(path, params);
            case "PUT" -> json.put(path, params);
            default -> json.post(path, params);
        };
    }

    private static Object body(String path, String id) {
        String due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0).toString();
        return switch (path.replace("/issues/{id}", "")) {
            case "/issues" -> issueJson(customer());
            case "/handoffs" -> Map.of("toAgentId", "agent.bob", "introduction", "Over to Bob");
            case "/next-action" -> Map.of("what", "Call back", "who", "agent", "dueAt", due);
            case "/comments" -> Map.of("text", "Seen in store", "visibility", "public");
            case "/actions" -> Map.of("kind", "replacement");
            case "/status" -> Map.of("status", "in_progress");
            case "/reopen" -> Map.of("reason", "Again");
            default -> Map.of();
        };
    }
}
