package dev.anchor.issue.api;

import dev.anchor.issue.domain.LocationKind;
import dev.anchor.issue.domain.Locations;
import dev.anchor.issue.domain.Place;
import dev.anchor.issue.domain.Weekday;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A store or repair centre in the directory: {@code locationId} (optional on create: generated when left out), name,
 * kind, address, phone, IANA time zone and opening hours ({@code HH:MM}, local time).
 */
public record LocationRequest(
        @Size(max = Locations.MAX_LENGTH) @Pattern(regexp = Locations.PATTERN, message = Locations.PATTERN_MESSAGE)
        String locationId,
        @NotBlank @Size(max = 200) String name,
        @NotNull LocationKind kind,
        @NotNull @Valid AddressRequest address,
        @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()./-]{3,40}", message = "must be a phone number such as +44 20 7946 0000")
        String phone,
        @NotBlank @Size(max = 64) String timeZone,
        @Size(max = 14) List<@NotNull @Valid HoursRequest> openingHours) {

    public record AddressRequest(
            @NotEmpty @Size(max = 3) List<@NotBlank @Size(max = 200) String> lines,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB") String country) {
    }

    public record HoursRequest(
            @NotEmpty @Size(max = 7) List<@NotNull Weekday> days,
            @NotNull @Pattern(regexp = HH_MM, message = "must be HH:MM") String opens,
            @NotNull @Pattern(regexp = HH_MM, message = "must be HH:MM") String closes) {
    }

    static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";

    Place place() {
        return new Place(locationId, name, kind,
                new Place.Address(address.lines(), address.city(), address.postalCode(), address.country()),
                phone, timeZone, openingHours == null ? List.of()
                : openingHours.stream().map(h -> new Place.Hours(h.days(), h.opens(), h.closes())).toList());
    }
}
