package dev.anchor.customer.events.out;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A customer as customer events carry it (docs/events/customer.defs.schema.json): the whole state after the change,
 * so no consumer needs to call back.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection // serialised by Jackson into the outbox, never as a REST return type (native image)
public record CustomerState(
        UUID id,
        Status status,
        String givenName,
        String familyName,
        String displayName,
        List<Email> emails,
        List<Phone> phones,
        List<Address> addresses,
        List<Reference> externalReferences,
        Preferences preferences,
        UUID mergedInto,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    @RegisterForReflection
    public enum Status {
        active, merged, erased
    }

    @RegisterForReflection
    public record Email(String address, String label, Boolean primary) {
    }

    @RegisterForReflection
    public record Phone(String number, String label, Boolean primary) {
    }

    @RegisterForReflection
    public record Address(String label, String line1, String line2, String postalCode, String city, String region,
                          String country, Boolean mailing) {
    }

    /** An id the customer has in another system. */
    @RegisterForReflection
    public record Reference(String system, String value, String region) {
    }

    @RegisterForReflection
    public record Preferences(Channel preferredChannel, Boolean fallbackAllowed, String language, String timeZone,
                              QuietHours quietHours, Consent consent) {
    }

    @RegisterForReflection
    public enum Channel {
        email, sms
    }

    /** In the customer's time zone; may wrap midnight. */
    @RegisterForReflection
    public record QuietHours(@JsonFormat(pattern = "HH:mm") LocalTime start, @JsonFormat(pattern = "HH:mm") LocalTime end) {
    }

    @RegisterForReflection
    public record Consent(Boolean critical, Boolean service, Boolean marketing) {
    }
}
