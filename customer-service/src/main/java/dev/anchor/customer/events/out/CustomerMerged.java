package dev.anchor.customer.events.out;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** customer.merged: the retired record's id now belongs to the survivor; its details were folded into it. */
@RegisterForReflection
public record CustomerMerged(UUID survivorId, UUID retiredId, CustomerState customer) {
}
