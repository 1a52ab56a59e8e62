package dev.anchor.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One of a customer's email addresses; exactly one of them is primary. */
@Embeddable
public record EmailAddress(
        @NotBlank @Email @Size(max = 254) String address,
        @Size(max = 30) String label,
        @Column(name = "is_primary") Boolean primary) {

    EmailAddress asPrimary(boolean isPrimary) {
        return new EmailAddress(address, label, isPrimary);
    }
}
