package dev.anchor.contact;

import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.blocks.testing.ServiceReadiness;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Set;

/** contact-service starts against the real PostgreSQL and Kafka, migrates its schema and serves its operations endpoints. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ServiceReadyTest extends ServiceReadiness {

    @Override
    protected String title() {
        return "Anchor contact-service";
    }

    @Override
    protected Set<String> ownTables() {
        return Set.of("contact", "contact_amendment", "customer_replica", "issue_replica", "timeline_entry");
    }
}
