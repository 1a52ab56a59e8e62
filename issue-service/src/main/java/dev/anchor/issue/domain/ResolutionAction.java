package dev.anchor.issue.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A resolution action to put on the record: a refund (amount and ISO 4217 currency), a replacement, a repair booking
 * (place and time), a repair done (optionally where, and a note), or something else (a note saying what).
 */
public record ResolutionAction(ActionKind kind, BigDecimal amount, String currency, String place,
                               OffsetDateTime scheduledAt, String note) {
}
