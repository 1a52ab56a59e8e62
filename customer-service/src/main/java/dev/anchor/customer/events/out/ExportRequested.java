package dev.anchor.customer.events.out;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * customer.export-requested: every contributing service answers with its part of export {@code exportId} on
 * export.parts. Carries no personal data.
 */
@RegisterForReflection
public record ExportRequested(UUID exportId, UUID customerId, OffsetDateTime requestedAt) {
}
