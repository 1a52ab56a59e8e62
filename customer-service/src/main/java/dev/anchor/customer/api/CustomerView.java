package dev.anchor.customer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anchor.customer.domain.Customer;
import dev.anchor.customer.domain.CustomerStatus;
import dev.anchor.customer.domain.EmailAddress;
import dev.anchor.customer.domain.ExternalReference;
import dev.anchor.customer.domain.PhoneNumber;
import dev.anchor.customer.domain.PostalAddress;
import dev.anchor.customer.domain.Preferences;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A customer as the API answers it: the whole record, with the version its ETag names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection // serialised by Jackson outside a REST return type (native image)
public record CustomerView(
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

    /** Must be called inside the transaction that read {@code c} (its lists load lazily). */
    public static CustomerView of(Customer c) {
        return new CustomerView(c.id, c.status, c.givenName, c.familyName, c.displayName(),
                List.copyOf(c.emails), List.copyOf(c.phones), List.copyOf(c.addresses),
                List.copyOf(c.externalReferences), c.preferences(), c.mergedInto, c.version, c.createdAt, c.updatedAt);
    }
}
