package dev.anchor.customer.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Everything about a customer that a client writes: the body of a create, the target of a merge patch. */
public record CustomerDraft(
        @NotBlank @Size(max = 100) String givenName,
        @Size(max = 100) String familyName,
        @Size(max = 10) List<@NotNull @Valid EmailAddress> emails,
        @Size(max = 10) List<@NotNull @Valid PhoneNumber> phones,
        @Size(max = 10) List<@NotNull @Valid PostalAddress> addresses,
        @Size(max = 20) List<@NotNull @Valid ExternalReference> externalReferences,
        @Valid Preferences preferences) {

    public List<EmailAddress> emailsOrEmpty() {
        return emails == null ? List.of() : emails;
    }

    public List<PhoneNumber> phonesOrEmpty() {
        return phones == null ? List.of() : phones;
    }

    public List<PostalAddress> addressesOrEmpty() {
        return addresses == null ? List.of() : addresses;
    }

    public List<ExternalReference> referencesOrEmpty() {
        return externalReferences == null ? List.of() : externalReferences;
    }
}
