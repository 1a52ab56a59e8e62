package dev.anchor.customer.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A customer as the API answers it and as events carry it: the whole state, so nobody needs to call back. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection // serialised by Jackson outside a REST return type (native image)
public record CustomerState(
        UUID id,
        CustomerStatus status,
        String givenName,
        String familyName,
        String displayName,
        List<EmailAddress> emails,
        List<PhoneNumber> phones,
        List<PostalAddress> addresses,
        List<ExternalReference> externalReferences,
        Preferences preferences,
        UUID mergedInto,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static CustomerState of(Customer c) {
        return new CustomerState(c.id, c.status, c.givenName, c.familyName, c.displayName(),
                List.copyOf(c.emails), List.copyOf(c.phones), List.copyOf(c.addresses),
                List.copyOf(c.externalReferences), c.preferences(), c.mergedInto, c.version, c.createdAt, c.updatedAt);
    }

    /** What a store or repair partner may see: who the customer is and how to reach them. */
    public ContactCard contactCard() {
        return new ContactCard(id, givenName, familyName, displayName, emails, phones);
    }

    @RegisterForReflection
    public record ContactCard(UUID id, String givenName, String familyName, String displayName,
                              List<EmailAddress> emails, List<PhoneNumber> phones) {
    }
}
