package dev.anchor.customer.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.customer.api.CustomerView;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An event's data.customer is written exactly as the API answers the record (they were one type before). */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class CustomerStateJsonTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void anActiveCustomerReadsTheSameInEventsAndApi() throws Exception {
        Customer customer = customer();
        assertSameJson(customer);
    }

    @Test
    void anErasedOrMergedCustomerReadsTheSameInEventsAndApi() throws Exception {
        Customer erased = customer();
        erased.erase(OffsetDateTime.of(2025, 3, 1, 10, 0, 0, 123_456_000, ZoneOffset.UTC));
        assertSameJson(erased);

        Customer merged = customer();
        merged.status = CustomerStatus.merged;
        merged.mergedInto = UUID.randomUUID();
        merged.quietStart = null;
        merged.quietEnd = null;
        assertSameJson(merged);
    }

    private void assertSameJson(Customer customer) throws Exception {
        String api = mapper.writeValueAsString(CustomerView.of(customer));
        String event = mapper.writeValueAsString(CustomerStates.of(customer));
        assertEquals(api, event);
    }

    private static Customer customer() {
        Customer c = new Customer();
        c.id = UUID.randomUUID();
        c.status = CustomerStatus.active;
        c.givenName = "Ada";
        c.familyName = "Lovelace";
        c.emails.addAll(List.of(new EmailAddress("ada@example.com", "home", true),
                new EmailAddress("ada@work.example", null, false)));
        c.phones.add(new PhoneNumber("+447700900123", "mobile", true));
        c.addresses.add(new PostalAddress("home", "12 Analytical Row", null, "EC1A 1AA", "London", null, "GB", true));
        c.externalReferences.add(new ExternalReference("loyalty", "LC-1", "EU"));
        c.preferredChannel = Channel.sms;
        c.fallbackAllowed = true;
        c.language = "en";
        c.timeZone = "Europe/London";
        c.quietStart = LocalTime.of(21, 0);
        c.quietEnd = LocalTime.of(8, 30);
        c.consentService = true;
        c.version = 3;
        c.createdAt = OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 678_901_000, ZoneOffset.UTC);
        c.updatedAt = c.createdAt.plusDays(1);
        return c;
    }
}
