package dev.anchor.issue.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The time as the service records it: UTC, to the microsecond PostgreSQL keeps. */
public final class Clocks {

    private Clocks() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
