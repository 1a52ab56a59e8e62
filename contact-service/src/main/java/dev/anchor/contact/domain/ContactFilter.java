package dev.anchor.contact.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Filters of a customer's contact list; null means any. {@code scope} keeps a partner to what concerns its location. */
public record ContactFilter(UUID customerId, Channel channel, UUID issueId, OffsetDateTime from, OffsetDateTime to,
                            PartnerScope scope) {

    public ContactFilter(UUID customerId, Channel channel, UUID issueId, OffsetDateTime from, OffsetDateTime to) {
        this(customerId, channel, issueId, from, to, PartnerScope.EVERYTHING);
    }

    ContactFilter forCustomer(UUID id, PartnerScope scope) {
        return new ContactFilter(id, channel, issueId, from, to, scope);
    }
}
