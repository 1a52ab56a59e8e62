package dev.anchor.sample.persistence;

import dev.anchor.sample.domain.Order;

/** Broken on purpose (FloorPlanTest). */
public class OrderRepository {
    public Order find() {
        return null;
    }
}
