package dev.anchor.issue;

import dev.anchor.blocks.testing.ApiDocs;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** docs/api/issue-service.yaml is the OpenAPI document the service serves. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ApiDocsTest {

    @Test
    void publishedOpenApiDocumentMatchesTheService() throws Exception {
        ApiDocs.assertInSync("issue-service");
    }
}
