package dev.anchor.customer.api;

import dev.anchor.customer.domain.Customer;
import dev.anchor.customer.domain.EmailAddress;
import dev.anchor.customer.domain.PhoneNumber;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.UUID;

/** What a store or repair partner may see of a customer: who they are and how to reach them. */
@RegisterForReflection // serialised by Jackson outside a REST return type (native image)
public record ContactCardView(UUID id, String givenName, String familyName, String displayName,
                              List<EmailAddress> emails, List<PhoneNumber> phones) {

    public static ContactCardView of(Customer c) {
        return new ContactCardView(c.id, c.givenName, c.familyName, c.displayName(), List.copyOf(c.emails),
                List.copyOf(c.phones));
    }
}
