package dev.anchor.blocks.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The floor plan's rules find what breaks them (a broken sample service under dev.anchor.sample). */
class FloorPlanTest {

    @Test
    void findsCyclesAndWrongDirections() {
        String report = assertThrows(AssertionError.class, () -> FloorPlan.includingTests("dev.anchor.sample").check())
                .getMessage();
        assertTrue(report.contains("free of cycles"), report);
        assertTrue(report.contains("the domain depends on nothing else"), report);
        assertTrue(report.contains("resources go through the domain"), report);
    }

    @Test
    void findsEventRecordsNotRegisteredForReflection() {
        FloorPlan plan = FloorPlan.includingTests("dev.anchor.sample");
        String report = assertThrows(AssertionError.class, plan::eventTypesAreRegisteredForReflection).getMessage();
        assertTrue(report.contains("dev.anchor.sample.events.out.OrderState"), report);
    }
}
