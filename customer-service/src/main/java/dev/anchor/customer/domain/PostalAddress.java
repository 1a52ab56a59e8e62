package dev.anchor.customer.domain;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address; at most one is the current mailing address. */
@Embeddable
public record PostalAddress(
        @Size(max = 30) String label,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @Size(max = 20) String postalCode,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String region,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as GB") String country,
        Boolean mailing) {

    PostalAddress asMailing(boolean isMailing) {
        return new PostalAddress(label, line1, line2, postalCode, city, region, country, isMailing);
    }
}
