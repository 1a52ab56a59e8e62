package dev.anchor.blocks.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/**
 * One service's contribution to a subject-access export: everything it holds about {@code customerId}, as the JSON
 * document {@code part}, published on {@link ExportParts#TOPIC} and assembled by customer-service.
 */
@RegisterForReflection
public record ExportPart(UUID exportId, UUID customerId, String service, JsonNode part) {
}
