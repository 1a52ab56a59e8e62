package dev.anchor.customer;

import dev.anchor.blocks.outbox.OutboxRelay;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;

import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.as;
import static dev.anchor.customer.CustomerFixtures.registerId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With several replicas, one relays at a time: while another replica (here: this test's own connection) holds
 * the relay lock, this replica publishes nothing, and it takes over as soon as the lock is free — in order.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class OutboxReplicasTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void onlyTheReplicaHoldingTheRelayLockPublishes() throws Exception {
        try (EventStream stream = EventStream.of("customer.events");
             Connection otherReplica = DriverManager.getConnection(url, user, password)) {
            lock(otherReplica, "select pg_advisory_lock(?)");
            String id = registerId();
            as(AGENT).body("{\"givenName\": \"Augusta\"}").patch("/customers/{id}", id).then().statusCode(200);
            assertEquals(List.of(), stream.during(id, Duration.ofSeconds(2)), "another replica holds the relay");

            lock(otherReplica, "select pg_advisory_unlock(?)");
            assertEquals(List.of("customer.registered", "customer.updated"),
                    EventStream.types(stream.await(id, 2, Duration.ofSeconds(10))));
        }
    }

    private static void lock(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, OutboxRelay.RELAY_LOCK);
            statement.execute();
        }
    }
}
