package dev.anchor.issue.domain;

import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.refusal.Conflict;
import dev.anchor.blocks.refusal.InvalidFields;
import dev.anchor.blocks.refusal.NotFound;
import dev.anchor.blocks.refusal.Refused;
import dev.anchor.blocks.time.ServiceClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The directory of stores and repair centres that staff keep ({@code /locations}): where a next step or a booking
 * happens, with what the customer needs to get there. Issues keep a snapshot of the entry when a step or a booking
 * names it, so a later change of the directory does not rewrite what the customer was told.
 */
@ApplicationScoped
public class LocationDirectory {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final LocationStore store;
    private final Clock clock;

    public LocationDirectory(LocationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Adds {@code place} under its {@code locationId}, or a generated one; 409 when that id is taken. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Location create(Place place) {
        String id = place.locationId() == null ? "loc-" + UUID.randomUUID()
                : Locations.require("locationId", place.locationId());
        validate(place);
        store.lockId(id);
        if (store.byId(id) != null) {
            throw new Conflict("Location " + id + " exists already; change it with PUT /locations/" + id);
        }
        OffsetDateTime now = ServiceClock.now(clock);
        Location location = new Location();
        location.id = id;
        location.place = normalised(place.withId(id));
        location.createdAt = now;
        location.updatedAt = now;
        store.add(location);
        store.flush();
        return location;
    }

    /** Replaces the entry {@code id} with {@code place} (whose locationId, if given, must be {@code id}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Location update(Location location, Place place) {
        if (place.locationId() != null && !place.locationId().equals(location.id)) {
            throw InvalidFields.of("locationId", "must be the id in the path (" + location.id + ") or left out");
        }
        validate(place);
        Place changed = normalised(place.withId(location.id));
        if (!changed.equals(location.place)) {
            location.place = changed;
            location.updatedAt = ServiceClock.now(clock);
            store.flush();
        }
        return location;
    }

    /** The entry {@code id}; 404 when there is none (a malformed id is just unknown). */
    public Location get(String id) {
        Location location = id == null ? null : store.byId(id);
        if (location == null) {
            throw new NotFound("Location", id);
        }
        return location;
    }

    public Paging.Page<Location> list(Paging paging) {
        return store.list(paging);
    }

    /** The place {@code locationId} names, or null when the directory does not know it. */
    public Place placeOf(String locationId) {
        Location location = locationId == null ? null : store.byId(locationId);
        return location == null ? null : location.place;
    }

    /** The place {@code locationId} names; 422 naming {@code field} when the directory does not know it. */
    public Place requirePlace(String field, String locationId) {
        Place place = placeOf(Locations.require(field, locationId));
        if (place == null) {
            throw new Refused("Unknown " + field + " " + locationId + ": add it to the directory (POST /locations) first");
        }
        return place;
    }

    private static Place normalised(Place place) {
        Place.Address address = place.address();
        return new Place(place.locationId(), place.name().strip(), place.kind(),
                new Place.Address(address.lines().stream().map(String::strip).toList(), address.city().strip(),
                        blankToNull(address.postalCode()), address.country()),
                blankToNull(place.phone()), place.timeZone(),
                place.openingHours() == null ? List.of() : List.copyOf(place.openingHours()));
    }

    /** What bean validation cannot say: a real time zone and country, opening hours that make sense. */
    private static void validate(Place place) {
        List<InvalidFields.Field> errors = new ArrayList<>();
        try {
            if (ZoneId.of(place.timeZone()) instanceof ZoneOffset || !place.timeZone().contains("/")
                    && !"UTC".equals(place.timeZone())) {
                errors.add(new InvalidFields.Field("timeZone", "must be an IANA time zone such as Europe/London"));
            }
        } catch (DateTimeException e) {
            errors.add(new InvalidFields.Field("timeZone", "must be an IANA time zone such as Europe/London"));
        }
        if (!COUNTRIES.contains(place.address().country())) {
            errors.add(new InvalidFields.Field("address.country", "must be an ISO 3166-1 alpha-2 code such as GB"));
        }
        List<Place.Hours> hours = place.openingHours() == null ? List.of() : place.openingHours();
        for (int i = 0; i < hours.size(); i++) {
            Place.Hours h = hours.get(i);
            if (new HashSet<>(h.days()).size() != h.days().size()) {
                errors.add(new InvalidFields.Field("openingHours[" + i + "].days", "names a day twice"));
            }
            if (!LocalTime.parse(h.closes()).isAfter(LocalTime.parse(h.opens()))) {
                errors.add(new InvalidFields.Field("openingHours[" + i + "].closes", "must be after opens"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields("The location is not valid", errors);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
