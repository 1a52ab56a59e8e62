package dev.anchor.issue.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A store or repair centre as the customer needs it: its name, what it is, where it is, how to call it, its time zone
 * and opening hours. The directory's entry, and the snapshot an issue keeps of it when a step or a booking names it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Place(String locationId, String name, LocationKind kind, Address address, String phone, String timeZone,
                    List<Hours> openingHours) {

    /** Up to three lines, the city, an optional postal code and the ISO 3166-1 alpha-2 country. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(List<String> lines, String city, String postalCode, String country) {
    }

    /** Open from {@code opens} to {@code closes} ({@code HH:MM}, local time) on {@code days}. */
    public record Hours(List<Weekday> days, String opens, String closes) {
    }

    /** The same place under {@code id}. */
    public Place withId(String id) {
        return new Place(id, name, kind, address, phone, timeZone, openingHours);
    }
}
