package dev.anchor.customer;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.SUPERVISOR;
import static dev.anchor.customer.CustomerFixtures.as;
import static dev.anchor.customer.CustomerFixtures.newCustomerJson;
import static dev.anchor.customer.CustomerFixtures.register;
import static dev.anchor.customer.CustomerFixtures.registerId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class CustomerApiTest {

    @Test
    void registersWithDefaultsAndReadsBack() {
        Response created = register(newCustomerJson());
        created.then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("active"))
                .body("displayName", notNullValue())
                .body("emails[0].primary", equalTo(true))
                .body("phones[0].primary", equalTo(true))
                .body("addresses[0].mailing", equalTo(true))
                .body("preferences.preferredChannel", equalTo("email"))
                .body("preferences.consent.critical", equalTo(true))
                .body("preferences.consent.service", equalTo(true))
                .body("preferences.consent.marketing", equalTo(false))
                .body("preferences.quietHours.start", equalTo("21:00"));
        String id = created.path("id");
        created.then().header("Location", endsWith("/customers/" + id));

        as(AGENT).get("/customers/{id}", id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("externalReferences[0].system", equalTo("loyalty"));
    }

    @Test
    void changesTheAddressWithAMergePatchGuardedByETag() {
        String id = registerId();
        String etag = as(AGENT).get("/customers/{id}", id).header("ETag");

        Response patched = as(AGENT).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("""
                        {"addresses": [{"label": "home", "line1": "1 New Street", "city": "Leeds", "country": "GB"}],
                         "familyName": null}""")
                .patch("/customers/{id}", id);
        patched.then().statusCode(200)
                .body("addresses", org.hamcrest.Matchers.hasSize(1))
                .body("addresses[0].city", equalTo("Leeds"))
                .body("addresses[0].mailing", equalTo(true))
                .body("familyName", nullValue())
                .body("emails", org.hamcrest.Matchers.hasSize(1));
        assertNotEquals(etag, patched.header("ETag"));

        as(AGENT).get("/customers/{id}", id).then().body("addresses[0].line1", equalTo("1 New Street"));
    }

    @Test
    void patchWithoutChangesKeepsTheVersion() {
        String id = registerId();
        as(AGENT).body("{\"givenName\": \"Ada\"}").patch("/customers/{id}", id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void replacesPreferences() {
        String id = registerId();
        as(AGENT).body("""
                        {"preferredChannel": "sms", "fallbackAllowed": false, "language": "de", "timeZone": "Europe/Berlin",
                         "quietHours": {"start": "22:00", "end": "07:30"},
                         "consent": {"service": true, "marketing": true}}""")
                .put("/customers/{id}/preferences", id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("preferences.preferredChannel", equalTo("sms"))
                .body("preferences.language", equalTo("de"))
                .body("preferences.timeZone", equalTo("Europe/Berlin"))
                .body("preferences.quietHours.end", equalTo("07:30"))
                .body("preferences.consent.critical", equalTo(true))
                .body("preferences.consent.marketing", equalTo(true));
    }

    @Test
    void findsByEmailPhoneNameAndReference() {
        Response created = register(newCustomerJson());
        String id = created.path("id");
        String email = created.path("emails[0].address");
        String phone = created.path("phones[0].number");
        String family = created.path("familyName");
        String reference = created.path("externalReferences[0].value");

        as(AGENT).queryParam("email", email.toUpperCase()).get("/customers").then().statusCode(200)
                .body("items.id", contains(id)).body("total", equalTo(1));
        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
        as(AGENT).queryParam("phone", spaced).get("/customers").then().body("items.id", contains(id));
        as(AGENT).queryParam("q", family.toLowerCase()).get("/customers").then().body("items.id", contains(id));
        as(AGENT).queryParam("reference", reference).queryParam("system", "loyalty").get("/customers").then()
                .body("items.id", contains(id));
        as(AGENT).queryParam("reference", reference).queryParam("system", "account").get("/customers").then()
                .body("total", equalTo(0));
        as(AGENT).queryParam("q", "Ada").queryParam("size", 1).get("/customers").then()
                .body("size", equalTo(1)).body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void mergesADuplicateAndRedirectsFromIt() {
        Response survivor = register(newCustomerJson());
        Response duplicate = register(newCustomerJson());
        String survivorId = survivor.path("id");
        String duplicateId = duplicate.path("id");

        as(AGENT).body(Map.of("duplicateId", duplicateId)).post("/customers/{id}/merge", survivorId)
                .then().statusCode(200)
                .body("emails.address", org.hamcrest.Matchers.hasItems(
                        (String) survivor.path("emails[0].address"), (String) duplicate.path("emails[0].address")))
                .body("emails.findAll { it.primary }.address", contains((String) survivor.path("emails[0].address")))
                .body("addresses.findAll { it.mailing }", org.hamcrest.Matchers.hasSize(1))
                .body("externalReferences", org.hamcrest.Matchers.hasSize(2));

        as(AGENT).redirects().follow(false).get("/customers/{id}", duplicateId).then().statusCode(308)
                .header("Location", endsWith("/customers/" + survivorId));
        as(AGENT).queryParam("email", (String) duplicate.path("emails[0].address")).get("/customers").then()
                .body("items.id", contains(survivorId));
        as(AGENT).body("{\"givenName\": \"X\"}").patch("/customers/{id}", duplicateId).then().statusCode(409);
        as(AGENT).body(Map.of("duplicateId", survivorId)).post("/customers/{id}/merge", survivorId).then().statusCode(422);
        as(AGENT).body(Map.of("duplicateId", duplicateId)).post("/customers/{id}/merge", survivorId).then().statusCode(409);
    }

    @Test
    void exportsEverythingHeld() {
        String survivorId = registerId();
        String duplicateId = registerId();
        as(AGENT).body(Map.of("duplicateId", duplicateId)).post("/customers/{id}/merge", survivorId).then().statusCode(200);

        as(AGENT).get("/customers/{id}/export", survivorId).then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
                .body("customer.id", equalTo(survivorId))
                .body("customer.preferences.consent.critical", equalTo(true))
                .body("mergedRecords.id", contains(duplicateId))
                .body("exportedAt", notNullValue());
    }

    @Test
    void erasesPersonalDataAndKeepsTheId() {
        Response created = register(newCustomerJson());
        String id = created.path("id");
        String email = created.path("emails[0].address");
        String duplicateId = registerId();
        as(AGENT).body(Map.of("duplicateId", duplicateId)).post("/customers/{id}/merge", id).then().statusCode(200);

        as(SUPERVISOR).delete("/customers/{id}", id).then().statusCode(204);

        as(AGENT).get("/customers/{id}", id).then().statusCode(410);
        as(AGENT).get("/customers/{id}", duplicateId).then().statusCode(410);
        as(AGENT).queryParam("email", email).get("/customers").then().body("total", equalTo(0));
        as(AGENT).get("/customers/{id}/export", id).then().statusCode(410);
        as(SUPERVISOR).delete("/customers/{id}", id).then().statusCode(204);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResultAndCreatesNothingNew() {
        String json = newCustomerJson();
        String key = "create-" + java.util.UUID.randomUUID();
        Response first = as(AGENT).header("Idempotency-Key", key).body(json).post("/customers");
        first.then().statusCode(201);
        Response replay = as(AGENT).header("Idempotency-Key", key).body(json).post("/customers");
        replay.then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")));
        String email = first.path("emails[0].address");
        as(AGENT).queryParam("email", email).get("/customers").then().body("total", equalTo(1));

        // the same key from another caller is another request
        as(SUPERVISOR).header("Idempotency-Key", key).body(json).post("/customers").then().statusCode(201)
                .body("id", not(equalTo(first.path("id"))));
    }

    @Test
    void listsAreCappedAtOneHundred() {
        as(AGENT).queryParam("size", 101).get("/customers").then().statusCode(400).body("errors.field", hasItem("size"));
        as(AGENT).queryParam("page", -1).get("/customers").then().statusCode(400).body("errors.field", hasItem("page"));
        List<?> items = as(AGENT).queryParam("size", 100).get("/customers").then().statusCode(200).extract().path("items");
        org.junit.jupiter.api.Assertions.assertTrue(items.size() <= 100);
    }
}
