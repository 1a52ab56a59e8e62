package dev.anchor.contact.domain;

import java.util.UUID;

/** Filters of a timeline; null means any. {@code partnerLocation} hides internal entries and other locations' contacts. */
public record TimelineFilter(UUID customerId, String kind, String channel, UUID issueId, String partnerLocation) {
}
