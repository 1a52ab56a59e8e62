package dev.anchor.customer.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;

/** How, when and about what the customer wants to hear from us. */
public record Preferences(
        @NotNull Channel preferredChannel,
        @NotNull Boolean fallbackAllowed,
        @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "must be a language tag such as en or de-AT") String language,
        @NotBlank String timeZone,
        @Valid QuietHours quietHours,
        @NotNull @Valid Consent consent) {

    public static final QuietHours DEFAULT_QUIET_HOURS = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    /** Defaults for a new customer: their contact channel, English, UTC, quiet at night, service messages only. */
    public static Preferences defaults(Channel channel) {
        return new Preferences(channel, true, "en", "UTC", DEFAULT_QUIET_HOURS, Consent.DEFAULT);
    }

    @AssertTrue(message = "must be an IANA time zone such as Europe/London")
    boolean isTimeZone() {
        if (timeZone == null) {
            return true;
        }
        try {
            ZoneId.of(timeZone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Quiet hours in the customer's time zone; may wrap midnight (21:00–08:00). */
    public record QuietHours(@NotNull @JsonFormat(pattern = "HH:mm") LocalTime start,
                             @NotNull @JsonFormat(pattern = "HH:mm") LocalTime end) {
    }

    /** Consent per category: critical cannot be turned off, service is on and marketing off by default. */
    public record Consent(Boolean critical, @NotNull Boolean service, @NotNull Boolean marketing) {

        public static final Consent DEFAULT = new Consent(true, true, false);

        @AssertTrue(message = "critical messages cannot be turned off")
        boolean isCritical() {
            return critical == null || critical;
        }

        public Consent normalised() {
            return new Consent(true, service, marketing);
        }
    }
}
