package dev.anchor.customer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.PersonalTextSearch;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.SUPERVISOR;
import static dev.anchor.customer.CustomerFixtures.as;
import static dev.anchor.customer.ExportFixtures.CONTACT;
import static dev.anchor.customer.ExportFixtures.ISSUE;
import static dev.anchor.customer.ExportFixtures.NOTIFICATION;
import static dev.anchor.customer.ExportFixtures.count;
import static dev.anchor.customer.ExportFixtures.part;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After an erasure no column of customer-service's schema — customers, their lists, idempotent answers, exports and
 * their parts, outbox and inbox — holds anything of the person: a marker written into every personal field is gone.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ErasureLeavesNoTraceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;

    @Test
    void nothingHoldsTheMarkerAfterErasure() {
        String marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // a phone number holds digits only: it is its own marker
        String phone = "+4477" + String.format("%09d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        String duplicatePhone = "+4478" + phone.substring(5);
        String id = registerWithMarker(marker, phone, "a");
        String duplicateId = registerWithMarker(marker, duplicatePhone, "b");
        as(AGENT).body(Map.of("duplicateId", duplicateId)).post("/customers/{id}/merge", id).then().statusCode(200);

        String exportId = as(AGENT).header("Idempotency-Key", "export-" + marker).post("/customers/{id}/exports", id)
                .then().statusCode(202).extract().path("exportId");
        try (EventPublisher publisher = new EventPublisher()) {
            for (String service : List.of(ISSUE, CONTACT, NOTIFICATION)) {
                publisher.send("export.parts", part(exportId, id, service, "{\"text\": \"said " + marker + "\"}"));
            }
            await().atMost(WAIT).untilAsserted(() -> as(AGENT).get("/customers/{id}/exports/{exportId}", id, exportId)
                    .then().statusCode(200));
            // the search finds the marker where it was written, so an empty answer below means something
            assertTrue(columns(marker).containsAll(List.of("customer.given_name", "customer.family_name",
                    "customer_email.address", "customer_email.label", "customer_phone.label", "customer_address.line1",
                    "customer_address.postal_code", "customer_external_reference.reference", "export_part.part",
                    "idempotency_record.request_key", "idempotency_record.body")), columns(marker).toString());
            assertTrue(columns(phone).contains("customer_phone.number"), columns(phone).toString());

            as(SUPERVISOR).delete("/customers/{id}", id).then().statusCode(204);

            // what was queued for Kafka before the erasure leaves the outbox once the relay has sent it
            await().atMost(WAIT).untilAsserted(() -> org.hamcrest.MatcherAssert.assertThat(
                    PersonalTextSearch.columnsHolding(dataSource, marker), empty()));
            assertEquals(List.of(), PersonalTextSearch.columnsHolding(dataSource, phone));
            assertEquals(List.of(), PersonalTextSearch.columnsHolding(dataSource, duplicatePhone));

            // a part that was on its way when the customer was erased finds no export and is not kept
            ObjectNode late = part(exportId, id, ISSUE, "{\"text\": \"late " + marker + "\"}");
            publisher.send("export.parts", late);
            await().atMost(WAIT).until(() -> count(dataSource, "select count(*) from inbox_message where event_id = ?",
                    late.get("id").asText()) == 1);
            assertEquals(List.of(), PersonalTextSearch.columnsHolding(dataSource, marker));
        }
    }

    /** The {@code table.column} names holding {@code marker}, without their row counts. */
    private List<String> columns(String marker) {
        return PersonalTextSearch.columnsHolding(dataSource, marker).stream().map(c -> c.substring(0, c.indexOf(' ')))
                .toList();
    }

    /** A customer with the marker in every field that takes text, registered with an Idempotency-Key. */
    private static String registerWithMarker(String marker, String phone, String which) {
        String json = """
                {
                  "givenName": "Given %1$s",
                  "familyName": "Family %1$s",
                  "emails": [{"address": "%1$s.%2$s@example.com", "label": "l %1$s"},
                             {"address": "second.%1$s.%2$s@example.com"}],
                  "phones": [{"number": "%3$s", "label": "l %1$s"}],
                  "addresses": [{"label": "l %1$s", "line1": "1 %1$s Street", "line2": "Flat %1$s",
                                 "postalCode": "%1$s", "city": "City %1$s", "region": "Region %1$s", "country": "GB"}],
                  "externalReferences": [{"system": "s%1$s", "value": "ref-%1$s-%2$s", "region": "r %1$s"}]
                }""".formatted(marker, which, phone);
        return as(AGENT).header("Idempotency-Key", "create-" + which + "-" + marker).body(json).post("/customers")
                .then().statusCode(201).body("emails.address", hasItems(marker + "." + which + "@example.com"))
                .extract().path("id");
    }
}
