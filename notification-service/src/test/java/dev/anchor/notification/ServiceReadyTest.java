package dev.anchor.notification;

import dev.anchor.blocks.testing.ServiceReadiness;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Set;

/** notification-service starts against the real PostgreSQL and Kafka, migrates its schema and serves its operations endpoints. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class ServiceReadyTest extends ServiceReadiness {

    @Override
    protected String title() {
        return "Anchor notification-service";
    }

    @Override
    protected Set<String> ownTables() {
        return Set.of("notification");
    }
}
