package dev.anchor.contact.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Filters of a customer's contact list; null means any. {@code location} keeps a partner to its own contacts. */
public record ContactFilter(UUID customerId, Channel channel, UUID issueId, OffsetDateTime from, OffsetDateTime to,
                            String location) {

    ContactFilter forCustomer(UUID id, String location) {
        return new ContactFilter(id, channel, issueId, from, to, location);
    }
}
