package dev.anchor.customer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.FaultyKafka;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.as;
import static dev.anchor.customer.CustomerFixtures.registerId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Changes made while the broker is unreachable are committed, kept in the outbox, and published in order once it is back. */
@QuarkusTest
@TestProfile(OutboxOutageTest.BehindFaultyBroker.class)
@QuarkusTestResource(TestJwt.class)
class OutboxOutageTest {

    /** The service reaches the broker only through a proxy the test can cut. */
    public static class BehindFaultyBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", FaultyKafka.BOOTSTRAP,
                    "anchor.outbox.send-timeout", "PT3S",
                    "anchor.outbox.poll-interval", "200ms");
        }
    }

    private static FaultyKafka broker;

    @BeforeAll
    static void openProxy() {
        broker = FaultyKafka.open();
    }

    @AfterAll
    static void closeProxy() {
        broker.close();
    }

    @Test
    void changesDuringAnOutageArePublishedInOrderAfterIt() {
        try (EventStream stream = EventStream.of("customer.events")) {
            String id = registerId();
            stream.await(id, 1, Duration.ofSeconds(15));

            broker.cut();
            for (String city : List.of("Leeds", "York", "Bath")) {
                as(AGENT).body("{\"addresses\": [{\"line1\": \"1 High St\", \"city\": \"" + city + "\", \"country\": \"GB\"}]}")
                        .patch("/customers/{id}", id).then().statusCode(200);
            }
            assertEquals(1, stream.during(id, Duration.ofSeconds(3)).size(), "nothing can be published during the outage");

            broker.restore();
            List<JsonNode> events = stream.await(id, 4, Duration.ofSeconds(30));
            assertEquals(List.of("Leeds", "York", "Bath"), events.subList(1, 4).stream()
                    .map(e -> e.at("/data/customer/addresses/0/city").asText()).toList());
            assertEquals(List.of(1L, 2L, 3L), events.subList(1, 4).stream()
                    .map(e -> e.at("/data/customer/version").asLong()).toList());
            assertEquals(4, stream.during(id, Duration.ofSeconds(1)).size(), "each event once");
        }
    }
}
