package dev.anchor.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An id the customer has in another system, such as a loyalty card or an account, with its region. */
@Embeddable
public record ExternalReference(
        @NotBlank @Size(max = 50) String system,
        @NotBlank @Size(max = 100) @Column(name = "reference") String value,
        @Size(max = 50) String region) {
}
