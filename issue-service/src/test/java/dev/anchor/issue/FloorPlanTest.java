package dev.anchor.issue;

import dev.anchor.blocks.testing.FloorPlan;
import org.junit.jupiter.api.Test;

/** issue-service is laid out like every other service (api, domain, persistence, events). */
class FloorPlanTest {

    @Test
    void followsTheFloorPlan() {
        FloorPlan.of("dev.anchor.issue").check();
    }
}
