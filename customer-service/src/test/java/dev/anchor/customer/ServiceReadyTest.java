package dev.anchor.customer;

import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.blocks.testing.ServiceReadiness;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Set;

/** customer-service starts against the real PostgreSQL and Kafka, migrates its schema and serves its operations endpoints. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ServiceReadyTest extends ServiceReadiness {

    @Override
    protected String title() {
        return "Anchor customer-service";
    }

    @Override
    protected Set<String> ownTables() {
        return Set.of("customer", "customer_email", "customer_phone", "customer_address", "customer_external_reference");
    }
}
