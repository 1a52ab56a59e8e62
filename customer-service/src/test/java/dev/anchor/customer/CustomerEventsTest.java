package dev.anchor.customer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.SUPERVISOR;
import static dev.anchor.customer.CustomerFixtures.as;
import static dev.anchor.customer.CustomerFixtures.newCustomerJson;
import static dev.anchor.customer.CustomerFixtures.register;
import static dev.anchor.customer.CustomerFixtures.registerId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every committed change publishes exactly its events on the real broker, schema-valid and keyed by customer. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class CustomerEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private EventStream stream;

    @BeforeEach
    void listen() {
        stream = EventStream.of("customer.events");
    }

    @AfterEach
    void stop() {
        stream.close();
    }

    @Test
    void registrationThenAddressChangePublishesRegisteredThenUpdated() {
        String id = registerId();
        as(AGENT).body("{\"addresses\": [{\"line1\": \"1 New Street\", \"city\": \"Leeds\", \"country\": \"GB\"}]}")
                .patch("/customers/{id}", id).then().statusCode(200);

        List<JsonNode> events = stream.await(id, 2, WAIT);
        assertEquals(List.of("customer.registered", "customer.updated"), EventStream.types(events));
        events.forEach(EventSchemas::assertValid);
        JsonNode updated = events.get(1);
        assertEquals(id, updated.path("subject").asText());
        assertEquals("Leeds", updated.at("/data/customer/addresses/0/city").asText());
        assertEquals("[\"addresses\"]", updated.at("/data/changed").toString());
        assertEquals(1, updated.at("/data/customer/version").asLong());
        assertTrue(stream.records().stream().filter(r -> id.equals(r.key())).allMatch(r ->
                "application/cloudevents+json; charset=UTF-8".equals(new String(r.headers().lastHeader("content-type").value()))));
        assertEquals(2, stream.during(id, Duration.ofMillis(500)).size(), "nothing published twice");
    }

    @Test
    void preferencesMergeAndErasurePublishTheirEvents() {
        String id = registerId();
        String duplicateId = registerId();
        as(AGENT).body("""
                        {"preferredChannel": "sms", "fallbackAllowed": false, "language": "de", "timeZone": "Europe/Berlin",
                         "consent": {"service": true, "marketing": false}}""")
                .put("/customers/{id}/preferences", id).then().statusCode(200);
        as(AGENT).body("{\"preferences\": {\"language\": \"fr\"}, \"givenName\": \"Ada Augusta\"}")
                .patch("/customers/{id}", id).then().statusCode(200);
        as(AGENT).body(Map.of("duplicateId", duplicateId)).post("/customers/{id}/merge", id).then().statusCode(200);
        as(SUPERVISOR).delete("/customers/{id}", id).then().statusCode(204);

        List<JsonNode> events = stream.await(id, 6, WAIT);
        assertEquals(List.of("customer.registered", "customer.preferences-changed", "customer.updated",
                "customer.preferences-changed", "customer.merged", "customer.erased"), EventStream.types(events));
        events.forEach(EventSchemas::assertValid);
        assertEquals(duplicateId, events.get(4).at("/data/retiredId").asText());
        assertEquals(id, events.get(4).at("/data/survivorId").asText());
        JsonNode erased = events.get(5);
        assertEquals(List.of(duplicateId), List.of(erased.at("/data/mergedIds/0").asText()));
        assertFalse(erased.toString().contains("Ada"), "an erasure event carries no personal data");
    }

    @Test
    void aRefusedChangePublishesNothing() {
        Response created = register(newCustomerJson());
        String id = created.path("id");
        stream.await(id, 1, WAIT);
        as(AGENT).header("If-Match", "\"7\"").body("{\"givenName\": \"Stale\"}").patch("/customers/{id}", id)
                .then().statusCode(412);
        as(AGENT).body("{\"emails\": [{\"address\": \"broken\"}]}").patch("/customers/{id}", id).then().statusCode(400);
        assertEquals(List.of("customer.registered"), EventStream.types(stream.during(id, Duration.ofSeconds(2))));
    }
}
