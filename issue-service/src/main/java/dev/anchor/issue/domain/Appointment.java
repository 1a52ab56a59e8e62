package dev.anchor.issue.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An upcoming booking: the action that made it ({@code repair} or {@code visit}), when, where (a snapshot of the
 * directory entry) and what to bring (the action's note).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Appointment(UUID actionId, ActionKind kind, OffsetDateTime scheduledAt, Place place, String bring) {
}
