package dev.anchor.issue.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A resolution action to put on the record: a refund (amount and ISO 4217 currency), a replacement, a repair booking
 * (place and time), a repair done (optionally where, and a note), a visit booking (where and when), or something else
 * (a note saying what). {@code locationId} names the store or repair centre of the directory where it happens.
 */
public record ResolutionAction(ActionKind kind, BigDecimal amount, String currency, String place,
                               OffsetDateTime scheduledAt, String note, String locationId) {

    public ResolutionAction(ActionKind kind, BigDecimal amount, String currency, String place,
                            OffsetDateTime scheduledAt, String note) {
        this(kind, amount, currency, place, scheduledAt, note, null);
    }
}
