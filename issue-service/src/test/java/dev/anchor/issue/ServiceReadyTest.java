package dev.anchor.issue;

import dev.anchor.blocks.testing.ServiceReadiness;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Set;

/** issue-service starts against the real PostgreSQL and Kafka, migrates its schema and serves its operations endpoints. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ServiceReadyTest extends ServiceReadiness {

    @Override
    protected String title() {
        return "Anchor issue-service";
    }

    @Override
    protected Set<String> ownTables() {
        return Set.of("customer_replica", "issue", "issue_entry", "status_token");
    }
}
