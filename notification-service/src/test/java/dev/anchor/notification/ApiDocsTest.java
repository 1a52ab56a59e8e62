package dev.anchor.notification;

import dev.anchor.blocks.testing.ApiDocs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class ApiDocsTest {

    @Test
    void publishedOpenApiDocumentMatchesTheService() throws Exception {
        ApiDocs.assertInSync("notification-service");
    }
}
