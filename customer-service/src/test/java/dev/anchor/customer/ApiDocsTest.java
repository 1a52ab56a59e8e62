package dev.anchor.customer;

import dev.anchor.blocks.testing.ApiDocs;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ApiDocsTest {

    @Test
    void publishedOpenApiDocumentMatchesTheService() throws Exception {
        ApiDocs.assertInSync("customer-service");
    }

    @Test
    void servesHealthAndMetrics() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("anchor_outbox_relayed"));
    }
}
