package dev.anchor.notification;

import dev.anchor.blocks.testing.FloorPlan;
import org.junit.jupiter.api.Test;

/** notification-service is laid out like every other service (api, domain, persistence, events, sending). */
class FloorPlanTest {

    @Test
    void followsTheFloorPlan() {
        FloorPlan.of("dev.anchor.notification").check();
    }
}
