package dev.anchor.sample.domain;

import dev.anchor.sample.persistence.OrderRepository;

/** Broken on purpose (FloorPlanTest): the domain reaches into persistence, which reaches back. */
public class Order {
    public OrderRepository repository;
}
