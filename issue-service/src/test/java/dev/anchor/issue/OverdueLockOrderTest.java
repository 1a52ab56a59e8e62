package dev.anchor.issue;

import dev.anchor.blocks.testing.TestJwt;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static dev.anchor.issue.IssueFixtures.sql;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * The overdue watch locks the customers of its batch in id order, like every other writer (CustomerLocks), so it never
 * holds a later customer while it waits for an earlier one — which a merge or an erasure locking both in id order
 * would turn into a deadlock.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class OverdueLockOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    AgroalDataSource db;

    @Test
    void whileTheWatchWaitsForTheFirstCustomerItHoldsNoLaterOne() throws Exception {
        UUID one = IssueFixtures.customer();
        UUID other = IssueFixtures.customer();
        UUID first = one.compareTo(other) < 0 ? one : other;
        UUID later = first.equals(one) ? other : one;
        // the later customer's issue first, so that in list order the watch would come to it first
        UUID laterIssue = UUID.fromString(IssueFixtures.open(later).then().statusCode(201).extract().path("id"));
        UUID firstIssue = UUID.fromString(IssueFixtures.open(first).then().statusCode(201).extract().path("id"));
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            // another writer holds the first customer, as a merge of the two would before it takes the later one
            query(holder, "select id from customer_replica where id = ? for update", first);
            String holderPid = query(holder, "select pg_backend_pid()::text");
            sql("update issue set resolution_due_at = now() - interval '1 hour' where id in (?, ?) returning id",
                    laterIssue, firstIssue);
            Awaitility.await().atMost(WAIT).until(() -> !"0".equals(sql(
                    "select count(*) from pg_stat_activity where ?::int = any(pg_blocking_pids(pid))",
                    Integer.parseInt(holderPid))));
            try (Connection probe = db.getConnection()) {
                probe.setAutoCommit(false);
                assertDoesNotThrow(() -> query(probe, "select id from customer_replica where id = ? for update nowait",
                        later), "the watch waits for the first customer without holding the later one");
                probe.rollback();
            }
            holder.rollback();
        }
        // once the first customer is free, both breaches are announced
        Awaitility.await().atMost(WAIT).until(() -> "2".equals(sql(
                "select count(*) from issue where id in (?, ?) and resolution_breach_raised", laterIssue, firstIssue)));
    }

    private static String query(Connection connection, String query, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
