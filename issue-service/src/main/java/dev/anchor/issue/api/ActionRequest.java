package dev.anchor.issue.api;

import dev.anchor.issue.domain.ActionKind;
import dev.anchor.issue.domain.Locations;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A resolution action on the record: a refund (amount and ISO 4217 currency), a replacement, a repair booking
 * (place and time), a repair done (optionally where, and a note), a visit (locationId and scheduledAt), or something
 * else (a note saying what). {@code locationId} names a store or repair centre of the directory (422 when unknown).
 */
public record ActionRequest(
        @NotNull ActionKind kind,
        @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @Size(max = 200) String place,
        OffsetDateTime scheduledAt,
        @Size(max = 2000) String note,
        @Size(max = Locations.MAX_LENGTH) @Pattern(regexp = Locations.PATTERN, message = Locations.PATTERN_MESSAGE)
        String locationId) {
}
