package dev.anchor.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One of a customer's phone numbers in E.164 form; exactly one of them is primary. */
@Embeddable
public record PhoneNumber(
        @NotBlank @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +447700900123")
        String number,
        @Size(max = 30) String label,
        @Column(name = "is_primary") Boolean primary) {

    PhoneNumber asPrimary(boolean isPrimary) {
        return new PhoneNumber(number, label, isPrimary);
    }
}
