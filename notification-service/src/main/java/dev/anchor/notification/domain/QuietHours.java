package dev.anchor.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** A nightly window in the customer's time zone, possibly across midnight (e.g. 21:00–08:00). */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** When a message due at {@code now} may go out: empty if now is outside the window, else the window's end. */
    public Optional<Instant> deferral(Instant now) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean quiet = start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime morning = local.with(end);
        if (!morning.isAfter(local)) {
            morning = local.plusDays(1).with(end);
        }
        return Optional.of(morning.toInstant());
    }

    public static Optional<QuietHours> of(String start, String end, String zone) {
        try {
            if (start == null || end == null || start.isBlank() || end.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new QuietHours(LocalTime.parse(start), LocalTime.parse(end), ZoneId.of(zone)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
