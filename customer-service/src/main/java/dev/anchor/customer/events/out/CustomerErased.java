package dev.anchor.customer.events.out;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** customer.erased: every service drops this customer's personal data (and that of records merged into it). */
@RegisterForReflection
public record CustomerErased(UUID customerId, List<UUID> mergedIds, OffsetDateTime erasedAt) {
}
