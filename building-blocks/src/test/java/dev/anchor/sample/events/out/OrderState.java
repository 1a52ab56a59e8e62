package dev.anchor.sample.events.out;

/** Broken on purpose (FloorPlanTest): an event record nobody registered for reflection. */
public record OrderState(String id) {
}
