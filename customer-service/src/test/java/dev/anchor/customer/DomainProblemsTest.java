package dev.anchor.customer;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.SUPERVISOR;
import static dev.anchor.customer.CustomerFixtures.as;
import static dev.anchor.customer.CustomerFixtures.registerId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The domain's refusals answer with exactly the problems building-blocks' Problems words (type, title, detail, errors). */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class DomainProblemsTest {

    @Test
    void unknownCustomer() {
        UUID id = UUID.randomUUID();
        assertProblem(as(AGENT).body("{}").patch("/customers/{id}", id).then(), 404)
                .body("type", equalTo("urn:anchor:problem:not-found")).body("title", equalTo("Not found"))
                .body("detail", equalTo("Customer " + id + " does not exist"))
                .body("instance", equalTo("/customers/" + id));
    }

    @Test
    void erasedAndMergedCustomers() {
        String survivor = registerId();
        String duplicate = registerId();
        as(AGENT).body(Map.of("duplicateId", duplicate)).post("/customers/{id}/merge", survivor).then().statusCode(200);
        assertProblem(as(AGENT).body("{}").patch("/customers/{id}", duplicate).then(), 409)
                .body("type", equalTo("urn:anchor:problem:conflict")).body("title", equalTo("Conflict"))
                .body("detail", equalTo("Customer " + duplicate + " was merged into " + survivor));
        assertProblem(as(SUPERVISOR).delete("/customers/{id}", duplicate).then(), 409)
                .body("detail", equalTo("Customer " + duplicate + " was merged into " + survivor + "; erase that record"));
        assertProblem(as(AGENT).body(Map.of("duplicateId", duplicate)).post("/customers/{id}/merge", registerId()).then(), 409)
                .body("detail", equalTo("Customer " + duplicate + " is merged and cannot be merged"));

        as(SUPERVISOR).delete("/customers/{id}", survivor).then().statusCode(204);
        assertProblem(as(AGENT).get("/customers/{id}/export", survivor).then(), 410)
                .body("type", equalTo("urn:anchor:problem:gone")).body("title", equalTo("Gone"))
                .body("detail", equalTo("Customer " + survivor + " was erased"));
    }

    @Test
    void refusedChanges() {
        String id = registerId();
        assertProblem(as(AGENT).body(Map.of("duplicateId", id)).post("/customers/{id}/merge", id).then(), 422)
                .body("type", equalTo("urn:anchor:problem:unprocessable")).body("title", equalTo("Unprocessable request"))
                .body("detail", equalTo("A customer cannot be merged into itself"));
        UUID missing = UUID.randomUUID();
        assertProblem(as(AGENT).body(Map.of("duplicateId", missing)).post("/customers/{id}/merge", id).then(), 422)
                .body("detail", equalTo("Duplicate customer " + missing + " does not exist"));
        assertProblem(as(AGENT).body("{\"emails\": null}").patch("/customers/{id}", id).then(), 422)
                .body("detail", equalTo("The preferred channel is email but the customer has no email address"));
    }

    @Test
    void invalidAndUnreadableChanges() {
        String id = registerId();
        assertProblem(as(AGENT).body("{\"phones\": [{\"number\": \"+447700900111\", \"primary\": true},"
                + " {\"number\": \"+447700900111\", \"primary\": true}]}").patch("/customers/{id}", id).then(), 400)
                .body("type", equalTo("urn:anchor:problem:validation")).body("title", equalTo("Invalid request"))
                .body("detail", equalTo("The request has invalid fields"))
                .body("errors.field", contains("phones", "phones[1].number"))
                .body("errors.message", contains("only one entry can be primary", "appears more than once"));
        assertProblem(as(AGENT).body("{\"preferences\": null}").patch("/customers/{id}", id).then(), 400)
                .body("errors.field", contains("preferences"))
                .body("errors.message", contains("cannot be removed; change them instead"));
        assertProblem(as(AGENT).body("{\"shoeSize\": 9}").patch("/customers/{id}", id).then(), 400)
                .body("type", equalTo("urn:anchor:problem:validation"))
                .body("errors.field", contains("shoeSize")).body("errors.message", contains("is not a known field"));
        assertProblem(as(AGENT).body("[1, 2]").patch("/customers/{id}", id).then(), 400)
                .body("type", equalTo("urn:anchor:problem:bad-request")).body("title", equalTo("Bad request"))
                .body("detail", equalTo("A merge patch must be a JSON object"));
    }

    @Test
    void staleVersions() {
        String id = registerId();
        assertProblem(as(AGENT).header("If-Match", " \"5\", \"6\" ").body("{\"givenName\": \"Stale\"}")
                .patch("/customers/{id}", id).then(), 412)
                .body("type", equalTo("urn:anchor:problem:precondition-failed")).body("title", equalTo("Precondition failed"))
                .body("detail", equalTo("If-Match \"5\", \"6\" does not match the current version \"0\"; "
                        + "read the resource again and reapply your change"));
        as(AGENT).header("If-Match", "\"3\", \"0\"").body("{\"givenName\": \"Fresh\"}").patch("/customers/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"");
    }
}
