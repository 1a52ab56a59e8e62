package dev.anchor.blocks.outbox;

import dev.anchor.blocks.testapp.Notes;
import dev.anchor.blocks.testing.EventStream;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With several replicas, one relays at a time: while another replica (here: this test's own connection) holds
 * the relay lock, this replica publishes nothing, and it takes over as soon as the lock is free — in order.
 */
@QuarkusTest
class OutboxReplicasTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Inject
    Notes notes;

    @Test
    void onlyTheReplicaHoldingTheRelayLockPublishes() throws Exception {
        UUID subject = UUID.randomUUID();
        try (EventStream stream = EventStream.of(Notes.TOPIC);
             Connection otherReplica = DriverManager.getConnection(url, user, password)) {
            lock(otherReplica, "select pg_advisory_lock(?)");
            notes.write(subject, "first");
            notes.write(subject, "second");
            assertEquals(List.of(), stream.during(subject.toString(), Duration.ofSeconds(2)), "another replica holds the relay");

            lock(otherReplica, "select pg_advisory_unlock(?)");
            assertEquals(List.of("first", "second"), stream.await(subject.toString(), 2, Duration.ofSeconds(10)).stream()
                    .map(e -> e.at("/data/text").asText()).toList());
        }
    }

    private static void lock(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, OutboxRelay.RELAY_LOCK);
            statement.execute();
        }
    }
}
