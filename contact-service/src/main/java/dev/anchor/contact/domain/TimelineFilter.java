package dev.anchor.contact.domain;

import java.util.UUID;

/** Filters of a timeline; null means any. {@code scope} keeps a partner to what concerns its location. */
public record TimelineFilter(UUID customerId, String kind, String channel, UUID issueId, PartnerScope scope) {
}
