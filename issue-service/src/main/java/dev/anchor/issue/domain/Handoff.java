package dev.anchor.issue.domain;

import java.time.OffsetDateTime;

/** A handoff to a named agent: who takes over, how they are introduced to the customer, when the previous owner is back. */
public record Handoff(String toAgentId, String toAgentName, String introduction, OffsetDateTime previousOwnerBackAt) {
}
