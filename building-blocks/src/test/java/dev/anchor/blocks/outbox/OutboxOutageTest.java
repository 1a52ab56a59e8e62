package dev.anchor.blocks.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testapp.Notes;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.FaultyKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Changes made while the broker is unreachable are committed, kept in the outbox, and published in order once it is back. */
@QuarkusTest
@TestProfile(OutboxOutageTest.BehindFaultyBroker.class)
class OutboxOutageTest {

    /** The application reaches the broker only through a proxy the test can cut. */
    public static class BehindFaultyBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", FaultyKafka.BOOTSTRAP,
                    "anchor.outbox.send-timeout", "PT3S",
                    "anchor.outbox.poll-interval", "200ms");
        }
    }

    private static FaultyKafka broker;

    @Inject
    Notes notes;

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
        UUID subject = UUID.randomUUID();
        String key = subject.toString();
        try (EventStream stream = EventStream.of(Notes.TOPIC)) {
            notes.write(subject, "before");
            stream.await(key, 1, Duration.ofSeconds(15));

            broker.cut();
            for (String city : List.of("Leeds", "York", "Bath")) {
                notes.write(subject, city);
            }
            assertEquals(4, notes.count(subject), "the changes are committed during the outage");
            assertEquals(1, stream.during(key, Duration.ofSeconds(3)).size(), "nothing can be published during the outage");
            assertEquals(3, notes.waitingInOutbox(subject), "their events wait in the outbox");

            broker.restore();
            List<JsonNode> events = stream.await(key, 4, Duration.ofSeconds(30));
            assertEquals(List.of("Leeds", "York", "Bath"), events.subList(1, 4).stream()
                    .map(e -> e.at("/data/text").asText()).toList());
            assertEquals(4, stream.during(key, Duration.ofSeconds(1)).size(), "each event once");
        }
    }
}
