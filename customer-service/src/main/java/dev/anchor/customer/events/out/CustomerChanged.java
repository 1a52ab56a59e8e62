package dev.anchor.customer.events.out;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** customer.registered, customer.updated, customer.preferences-changed: the state after the change and the top-level fields that changed. */
@RegisterForReflection
public record CustomerChanged(CustomerState customer, List<String> changed) {
}
