package dev.anchor.blocks.testing;

import io.quarkus.test.junit.QuarkusTest;

import java.util.Set;

/** The operators' checks hold for the test application too, so the shared configuration is proven where it lives. */
@QuarkusTest
class ServiceReadinessTest extends ServiceReadiness {

    @Override
    protected String title() {
        return "Anchor building-blocks";
    }

    @Override
    protected Set<String> ownTables() {
        return Set.of("test_note");
    }
}
