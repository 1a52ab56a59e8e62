package dev.anchor.blocks.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Strict reading of an event's data: required fields throw {@link MalformedEvent} when missing or of the wrong shape,
 * optional ones are null (or empty) when absent, null or blank, and still throw when present but malformed.
 */
public final class EventData {

    private final JsonNode node;
    private final String path;

    private EventData(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The data of {@code event}, which must be a JSON object. */
    public static EventData of(CloudEvent event) {
        if (event.data() == null || !event.data().isObject()) {
            throw new MalformedEvent(event.type() + " has no data object");
        }
        return new EventData(event.data(), "data");
    }

    /** {@code node} read as the object at {@code path} (for messages and tests). */
    public static EventData of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new MalformedEvent(path + " is not an object");
        }
        return new EventData(node, path);
    }

    public JsonNode json() {
        return node;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public EventData object(String field) {
        return optionalObject(field).orElseThrow(() -> missing(field));
    }

    public Optional<EventData> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw wrong(field, "an object");
        }
        return Optional.of(new EventData(value, path + "." + field));
    }

    /** The objects of the array {@code field}; empty when absent. */
    public List<EventData> objects(String field) {
        List<EventData> items = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array(field)) {
            items.add(EventData.of(item, path + "." + field + "[" + i++ + "]"));
        }
        return items;
    }

    /** The UUIDs of the array {@code field}; empty when absent. */
    public List<UUID> uuids(String field) {
        List<UUID> ids = new ArrayList<>();
        for (JsonNode item : array(field)) {
            ids.add(parseUuid(field, item.isTextual() ? item.asText() : item.toString()));
        }
        return ids;
    }

    public String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    /** The text of {@code field}; null when absent, null or blank. */
    public String optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrong(field, "a string");
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    /** The IANA time zone id of {@code field} (e.g. Europe/Berlin); null when absent; one no clock knows is refused. */
    public String optionalZone(String field) {
        String zone = optionalText(field);
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw wrong(field, "an IANA time zone id");
            }
        }
        return zone;
    }

    public UUID uuid(String field) {
        return parseUuid(field, text(field));
    }

    public UUID optionalUuid(String field) {
        String value = optionalText(field);
        return value == null ? null : parseUuid(field, value);
    }

    public OffsetDateTime time(String field) {
        return parseTime(field, text(field));
    }

    public OffsetDateTime optionalTime(String field) {
        String value = optionalText(field);
        return value == null ? null : parseTime(field, value);
    }

    public long integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrong(field, "an integer");
        }
        return value.asLong();
    }

    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw wrong(field, "true or false");
        }
        return Optional.of(value.asBoolean());
    }

    /**
     * The text of {@code field} as a constant of {@code type} by its lower-case name, words joined by underscores as the
     * contracts write them ({@code in_progress}) or by dashes ({@code in-progress}).
     */
    public <E extends Enum<E>> E constant(String field, Class<E> type) {
        String value = text(field);
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            if (name.equals(value) || name.replace('_', '-').equals(value)) {
                return constant;
            }
        }
        throw new MalformedEvent(path + "." + field + " is not one of the known values: " + value);
    }

    private Iterable<JsonNode> array(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return MissingNode.getInstance();
        }
        if (!value.isArray()) {
            throw wrong(field, "an array");
        }
        return value;
    }

    private UUID parseUuid(String field, String value) {
        try {
            UUID id = UUID.fromString(value);
            if (!id.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException(value);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent(path + "." + field + " is not a UUID");
        }
    }

    private OffsetDateTime parseTime(String field, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEvent(path + "." + field + " is not a date-time");
        }
    }

    private MalformedEvent missing(String field) {
        return new MalformedEvent(path + "." + field + " is missing");
    }

    private MalformedEvent wrong(String field, String expected) {
        return new MalformedEvent(path + "." + field + " is not " + expected);
    }
}
