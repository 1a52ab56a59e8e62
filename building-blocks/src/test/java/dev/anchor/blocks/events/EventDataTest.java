package dev.anchor.blocks.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each reader: a required field must be there in the right shape, an optional one may be absent, neither may be malformed. */
class EventDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    enum Status { open, in_progress, waiting_on_customer }

    enum Replica { ACTIVE, MERGED }

    private static EventData data(String json) {
        try {
            return EventData.of(JSON.readTree(json), "data");
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static void malformed(String expectedMessage, Executable read) {
        MalformedEvent e = assertThrows(MalformedEvent.class, read);
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void theDataOfAnEventMustBeAnObject() {
        JsonNode object = JSON.createObjectNode().put("a", 1);
        assertSame(object, EventData.of(event(object)).json());
        malformed("t has no data object", () -> EventData.of(event(null)));
        malformed("t has no data object", () -> EventData.of(event(JsonNodeFactory.instance.textNode("x"))));
        malformed("t has no data object", () -> EventData.of(event(JSON.createArrayNode())));
        malformed("data.customer is not an object", () -> EventData.of(null, "data.customer"));
        malformed("data.customer is not an object", () -> EventData.of(JsonNodeFactory.instance.nullNode(), "data.customer"));
    }

    @Test
    void hasMeansPresentAndNotNull() {
        EventData data = data("{\"a\": 1, \"b\": null, \"c\": \"\"}");
        assertTrue(data.has("a"));
        assertFalse(data.has("b"));
        assertTrue(data.has("c"));
        assertFalse(data.has("d"));
    }

    @Test
    void zone() {
        EventData data = data("{\"zone\": \"Europe/Berlin\", \"mars\": \"Mars/Olympus_Mons\", \"none\": null}");
        assertEquals("Europe/Berlin", data.optionalZone("zone"));
        assertNull(data.optionalZone("none"));
        malformed("data.mars is not an IANA time zone id", () -> data.optionalZone("mars"));
    }

    @Test
    void text() {
        EventData data = data("{\"name\": \"Ada\", \"blank\": \"  \", \"none\": null, \"number\": 7, \"list\": [\"a\"]}");
        assertEquals("Ada", data.text("name"));
        assertEquals("Ada", data.optionalText("name"));
        malformed("data.blank is missing", () -> data.text("blank"));
        malformed("data.none is missing", () -> data.text("none"));
        malformed("data.absent is missing", () -> data.text("absent"));
        assertNull(data.optionalText("blank"));
        assertNull(data.optionalText("none"));
        assertNull(data.optionalText("absent"));
        malformed("data.number is not a string", () -> data.text("number"));
        malformed("data.number is not a string", () -> data.optionalText("number"));
        malformed("data.list is not a string", () -> data.optionalText("list"));
    }

    @Test
    void uuid() {
        EventData data = data("{\"id\": \"" + ID + "\", \"upper\": \"" + ID.toUpperCase() + "\", \"short\": \"1-1-1-1-1\","
                + " \"junk\": \"x\", \"number\": 5, \"none\": null}");
        assertEquals(UUID.fromString(ID), data.uuid("id"));
        assertEquals(UUID.fromString(ID), data.uuid("upper"));
        assertEquals(UUID.fromString(ID), data.optionalUuid("id"));
        assertNull(data.optionalUuid("none"));
        assertNull(data.optionalUuid("absent"));
        malformed("data.short is not a UUID", () -> data.uuid("short"));
        malformed("data.junk is not a UUID", () -> data.optionalUuid("junk"));
        malformed("data.number is not a string", () -> data.uuid("number"));
        malformed("data.absent is missing", () -> data.uuid("absent"));
    }

    @Test
    void uuids() {
        EventData data = data("{\"ids\": [\"" + ID + "\"], \"empty\": [], \"none\": null, \"one\": \"" + ID + "\","
                + " \"junk\": [\"" + ID + "\", \"x\"], \"numbers\": [1], \"nulls\": [null]}");
        assertEquals(List.of(UUID.fromString(ID)), data.uuids("ids"));
        assertEquals(List.of(), data.uuids("empty"));
        assertEquals(List.of(), data.uuids("none"));
        assertEquals(List.of(), data.uuids("absent"));
        malformed("data.one is not an array", () -> data.uuids("one"));
        malformed("data.junk is not a UUID", () -> data.uuids("junk"));
        malformed("data.numbers is not a UUID", () -> data.uuids("numbers"));
        malformed("data.nulls is not a UUID", () -> data.uuids("nulls"));
    }

    @Test
    void time() {
        EventData data = data("{\"at\": \"2025-03-01T10:15:30.123456Z\", \"berlin\": \"2025-03-01T11:15:30+01:00\","
                + " \"local\": \"2025-03-01T10:15:30\", \"epoch\": 1740824130, \"none\": null}");
        OffsetDateTime at = OffsetDateTime.of(2025, 3, 1, 10, 15, 30, 123_456_000, ZoneOffset.UTC);
        assertEquals(at, data.time("at"));
        assertEquals(at.withNano(0).toInstant(), data.time("berlin").toInstant());
        assertEquals(at, data.optionalTime("at"));
        assertNull(data.optionalTime("none"));
        assertNull(data.optionalTime("absent"));
        malformed("data.local is not a date-time", () -> data.time("local"));
        malformed("data.local is not a date-time", () -> data.optionalTime("local"));
        malformed("data.epoch is not a string", () -> data.time("epoch"));
        malformed("data.absent is missing", () -> data.time("absent"));
    }

    @Test
    void integer() {
        EventData data = data("{\"version\": 3, \"big\": 9007199254740993, \"huge\": 99999999999999999999,"
                + " \"decimal\": 3.0, \"text\": \"3\", \"none\": null}");
        assertEquals(3, data.integer("version"));
        assertEquals(9007199254740993L, data.integer("big"));
        malformed("data.huge is not an integer", () -> data.integer("huge"));
        malformed("data.decimal is not an integer", () -> data.integer("decimal"));
        malformed("data.text is not an integer", () -> data.integer("text"));
        malformed("data.none is missing", () -> data.integer("none"));
        malformed("data.absent is missing", () -> data.integer("absent"));
    }

    @Test
    void optionalBoolean() {
        EventData data = data("{\"yes\": true, \"no\": false, \"none\": null, \"text\": \"true\", \"one\": 1}");
        assertEquals(Optional.of(true), data.optionalBoolean("yes"));
        assertEquals(Optional.of(false), data.optionalBoolean("no"));
        assertEquals(Optional.empty(), data.optionalBoolean("none"));
        assertEquals(Optional.empty(), data.optionalBoolean("absent"));
        malformed("data.text is not true or false", () -> data.optionalBoolean("text"));
        malformed("data.one is not true or false", () -> data.optionalBoolean("one"));
    }

    @Test
    void constantsAreReadByTheirLowerCaseNamesAsTheContractsSpellThem() {
        EventData data = data("{\"open\": \"open\", \"underscored\": \"in_progress\", \"dashed\": \"waiting-on-customer\","
                + " \"active\": \"active\", \"shouting\": \"OPEN\", \"unknown\": \"closed\", \"blank\": \"\", \"number\": 1}");
        assertEquals(Status.open, data.constant("open", Status.class));
        assertEquals(Status.in_progress, data.constant("underscored", Status.class));
        assertEquals(Status.waiting_on_customer, data.constant("dashed", Status.class));
        assertEquals(Replica.ACTIVE, data.constant("active", Replica.class));
        malformed("data.shouting is not one of the known values: OPEN", () -> data.constant("shouting", Status.class));
        malformed("data.unknown is not one of the known values: closed", () -> data.constant("unknown", Status.class));
        malformed("data.blank is missing", () -> data.constant("blank", Status.class));
        malformed("data.absent is missing", () -> data.constant("absent", Status.class));
        malformed("data.number is not a string", () -> data.constant("number", Status.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"IN_PROGRESS", "In_Progress", "in progress", "inprogress"})
    void constantsOutsideTheContractAreMalformed(String value) {
        EventData data = data("{\"status\": \"" + value + "\"}");
        assertThrows(MalformedEvent.class, () -> data.constant("status", Status.class));
    }

    @Test
    void objectsCarryTheirPathIntoMessages() {
        EventData data = data("{\"customer\": {\"id\": \"" + ID + "\", \"emails\": [{\"address\": \"a@x.io\"}, 7]},"
                + " \"none\": null, \"text\": \"x\"}");
        EventData customer = data.object("customer");
        assertEquals(UUID.fromString(ID), customer.uuid("id"));
        malformed("data.customer.name is missing", () -> customer.text("name"));
        assertEquals(Optional.empty(), data.optionalObject("none"));
        assertEquals(Optional.empty(), data.optionalObject("absent"));
        assertTrue(data.optionalObject("customer").isPresent());
        malformed("data.none is missing", () -> data.object("none"));
        malformed("data.absent is missing", () -> data.object("absent"));
        malformed("data.text is not an object", () -> data.object("text"));
        malformed("data.text is not an object", () -> data.optionalObject("text"));
        malformed("data.customer.emails[1] is not an object", () -> customer.objects("emails"));
    }

    @Test
    void objects() {
        EventData data = data("{\"emails\": [{\"address\": \"a@x.io\"}, {\"label\": \"home\"}], \"empty\": [],"
                + " \"none\": null, \"object\": {}}");
        List<EventData> emails = data.objects("emails");
        assertEquals(2, emails.size());
        assertEquals("a@x.io", emails.get(0).text("address"));
        malformed("data.emails[1].address is missing", () -> emails.get(1).text("address"));
        assertEquals(List.of(), data.objects("empty"));
        assertEquals(List.of(), data.objects("none"));
        assertEquals(List.of(), data.objects("absent"));
        malformed("data.object is not an array", () -> data.objects("object"));
    }

    private static CloudEvent event(JsonNode data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), "/test", "t", "s", OffsetDateTime.now(),
                CloudEvent.JSON, data);
    }
}
