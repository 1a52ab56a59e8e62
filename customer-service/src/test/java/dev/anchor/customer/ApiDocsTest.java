package dev.anchor.customer;

import dev.anchor.blocks.testing.ApiDocs;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ApiDocsTest {

    @Test
    void publishedOpenApiDocumentMatchesTheService() throws Exception {
        ApiDocs.assertInSync("customer-service");
    }
}
