package dev.anchor.sample.api;

import dev.anchor.sample.persistence.OrderRepository;

/** Broken on purpose (FloorPlanTest): a resource that skips the domain. */
public class OrderResource {
    public OrderRepository repository;
}
