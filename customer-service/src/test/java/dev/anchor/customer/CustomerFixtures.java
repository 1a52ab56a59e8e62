package dev.anchor.customer;

import dev.anchor.blocks.testing.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests as an agent would send them, and a typical customer. */
final class CustomerFixtures {

    static final String AGENT = TestJwt.token("agent", "agent.alice");
    static final String SUPERVISOR = TestJwt.token("supervisor", "supervisor.sam");
    static final String PARTNER = TestJwt.token("partner", "partner.store-12");
    static final String SYSTEM = TestJwt.token("system", "issue-service");

    private CustomerFixtures() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A customer with a unique email and phone, so tests never see each other's data. */
    static String newCustomerJson() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long digits = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        return """
                {
                  "givenName": "Ada",
                  "familyName": "Lovelace-%s",
                  "emails": [{"address": "ada.%s@example.com", "label": "home"}],
                  "phones": [{"number": "+4477%09d", "label": "mobile"}],
                  "addresses": [{"label": "home", "line1": "12 Analytical Row", "postalCode": "EC1A 1AA",
                                 "city": "London", "country": "GB"}],
                  "externalReferences": [{"system": "loyalty", "value": "LC-%s", "region": "EU"}]
                }""".formatted(unique, unique, digits, unique);
    }

    static Response register(String json) {
        return as(AGENT).body(json).post("/customers");
    }

    static String registerId() {
        return register(newCustomerJson()).then().statusCode(201).extract().path("id");
    }
}
