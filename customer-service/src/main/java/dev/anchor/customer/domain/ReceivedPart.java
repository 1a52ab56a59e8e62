package dev.anchor.customer.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/** One service's part of an export as it arrived: everything that service holds about the customer. */
public record ReceivedPart(String service, JsonNode part, OffsetDateTime receivedAt) {
}
