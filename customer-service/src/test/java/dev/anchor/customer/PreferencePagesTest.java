package dev.anchor.customer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.security.SignedLinks;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.SUPERVISOR;
import static dev.anchor.customer.CustomerFixtures.as;
import static dev.anchor.customer.CustomerFixtures.register;
import static dev.anchor.customer.CustomerFixtures.registerId;
import static dev.anchor.customer.PreferenceLinkFixtures.FORM;
import static dev.anchor.customer.PreferenceLinkFixtures.ONE_CLICK;
import static dev.anchor.customer.PreferenceLinkFixtures.browser;
import static dev.anchor.customer.PreferenceLinkFixtures.oneClick;
import static dev.anchor.customer.PreferenceLinkFixtures.openPreferences;
import static dev.anchor.customer.PreferenceLinkFixtures.preferencesToken;
import static dev.anchor.customer.PreferenceLinkFixtures.signer;
import static dev.anchor.customer.PreferenceLinkFixtures.tomorrow;
import static dev.anchor.customer.PreferenceLinkFixtures.unsubscribeToken;
import static dev.anchor.customer.PreferenceLinkFixtures.versionIn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer's own pages behind the signed links of every message: one-click unsubscribe (RFC 8058) and the
 * preferences form. Changes go through the domain path of PUT /customers/{id}/preferences and publish exactly its
 * events on the real broker; everything refused changes and publishes nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class PreferencePagesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofSeconds(2);

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI base;

    private EventStream stream;

    @BeforeEach
    void listen() {
        stream = EventStream.of("customer.events");
    }

    @AfterEach
    void stop() {
        stream.close();
    }

    // --- one-click unsubscribe ---------------------------------------------------------------------------------------

    @Test
    void oneClickWithdrawsServiceConsentAndPublishesExactlyOneEvent() {
        String id = registerId();
        stream.await(id, 1, WAIT);

        oneClick(unsubscribeToken(id, "service")).then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .header("Cache-Control", "no-store");

        as(AGENT).get("/customers/{id}", id).then().statusCode(200)
                .body("preferences.consent.service", equalTo(false))
                .body("preferences.consent.marketing", equalTo(false))
                .body("preferences.consent.critical", equalTo(true))
                .header("ETag", "\"1\"");
        List<JsonNode> events = stream.during(id, QUIET);
        assertEquals(List.of("customer.registered", "customer.preferences-changed"), EventStream.types(events));
        events.forEach(EventSchemas::assertValid);
        JsonNode changed = events.get(1);
        assertEquals(id, changed.path("subject").asText());
        assertEquals("[\"preferences\"]", changed.at("/data/changed").toString());
        assertFalse(changed.at("/data/customer/preferences/consent/service").asBoolean());
        assertEquals(1, changed.at("/data/customer/version").asLong());
    }

    @Test
    void aSecondOneClickChangesAndPublishesNothing() {
        String id = registerId();
        String token = unsubscribeToken(id, "service");
        oneClick(token).then().statusCode(200);
        stream.await(id, 2, WAIT);

        oneClick(token).then().statusCode(200).contentType(startsWith("text/plain"));
        given().urlEncodingEnabled(false).accept("application/json").contentType(FORM).body(ONE_CLICK)
                .post("/preferences/unsubscribe?token=" + token).then().statusCode(200);
        browser().urlEncodingEnabled(false).contentType(FORM).body(ONE_CLICK)
                .post("/preferences/unsubscribe?token=" + token).then().statusCode(200)
                .body(containsString("You have stopped service emails"));

        as(AGENT).get("/customers/{id}", id).then().header("ETag", "\"1\"");
        assertEquals(List.of("customer.registered", "customer.preferences-changed"),
                EventStream.types(stream.during(id, QUIET)));
    }

    @Test
    void oneClickAlsoTakesTheMultipartFormTheRfcPrefers() throws Exception {
        String id = registerId();
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--XyZ--\r\n";
        // RestAssured builds multipart bodies itself: send the bytes as a mail provider would
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(base.resolve("/preferences/unsubscribe?token="
                                + unsubscribeToken(id, "service")))
                        .header("Content-Type", "multipart/form-data; boundary=XyZ")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        as(AGENT).get("/customers/{id}", id).then().body("preferences.consent.service", equalTo(false));
    }

    @Test
    void marketingIsWithdrawnAloneAndTheConfirmationLinksToThePreferencesPage() {
        String id = registerId();
        as(AGENT).body("""
                        {"preferredChannel": "email", "fallbackAllowed": true, "language": "en", "timeZone": "UTC",
                         "consent": {"service": true, "marketing": true}}""")
                .put("/customers/{id}/preferences", id).then().statusCode(200);
        String page = browser().urlEncodingEnabled(false).contentType(FORM).body(ONE_CLICK)
                .post("/preferences/unsubscribe?token=" + unsubscribeToken(id, "marketing")).then().statusCode(200)
                .contentType("text/html; charset=UTF-8")
                .body(containsString("class=\"panel panel--confirmation\""))
                .body(containsString("You have stopped marketing emails"))
                .extract().asString();
        as(AGENT).get("/customers/{id}", id).then()
                .body("preferences.consent.marketing", equalTo(false))
                .body("preferences.consent.service", equalTo(true));

        String link = page.replaceAll("(?s).*href=\"(/preferences\\?token=[^\"]+)\".*", "$1");
        assertTrue(link.startsWith("/preferences?token="), page);
        browser().urlEncodingEnabled(false).get(link).then().statusCode(200)
                .body(containsString("Your message preferences"));
    }

    @Test
    void getShowsTheQuestionAndChangesNothing() {
        String id = registerId();
        stream.await(id, 1, WAIT);
        String token = unsubscribeToken(id, "service");
        for (int scan = 0; scan < 3; scan++) {
            secured(browser().urlEncodingEnabled(false).get("/preferences/unsubscribe?token=" + token).then())
                    .statusCode(200)
                    .body(containsString("<h1 class=\"heading-l\" id=\"heading\">Stop service emails?</h1>"))
                    .body(containsString("method=\"post\" action=\"/preferences/unsubscribe?token=" + token + "\""))
                    .body(containsString("name=\"List-Unsubscribe\" value=\"One-Click\""))
                    .body(not(containsString("<script")))
                    .body(not(containsString("style=")));
            // a link scanner: no Accept preference at all
            given().urlEncodingEnabled(false).get("/preferences/unsubscribe?token=" + token).then().statusCode(200);
        }
        as(AGENT).get("/customers/{id}", id).then().header("ETag", "\"0\"")
                .body("preferences.consent.service", equalTo(true));
        assertEquals(List.of("customer.registered"), EventStream.types(stream.during(id, QUIET)));
    }

    @Test
    void criticalMessagesCannotBeWithdrawn() {
        String id = registerId();
        stream.await(id, 1, WAIT);
        String token = unsubscribeToken(id, "critical");

        assertProblem(oneClick(token).then(), 422).body("detail", containsString("Critical"));
        browser().urlEncodingEnabled(false).contentType(FORM).body(ONE_CLICK)
                .post("/preferences/unsubscribe?token=" + token).then().statusCode(422)
                .body(containsString("You cannot stop these messages"));
        browser().urlEncodingEnabled(false).get("/preferences/unsubscribe?token=" + token).then().statusCode(200)
                .body(containsString("You cannot stop these messages"))
                .body(not(containsString("List-Unsubscribe")));
        assertProblem(as(AGENT).body("""
                        {"preferredChannel": "email", "fallbackAllowed": true, "language": "en", "timeZone": "UTC",
                         "consent": {"critical": false, "service": true, "marketing": false}}""")
                .put("/customers/{id}/preferences", id).then(), 400);

        as(AGENT).get("/customers/{id}", id).then().header("ETag", "\"0\"")
                .body("preferences.consent.critical", equalTo(true));
        assertEquals(List.of("customer.registered"), EventStream.types(stream.during(id, QUIET)));
    }

    /** Forged, expired, other-purpose, tampered, unknown: the same answer, which names nothing, and nothing changes. */
    @Test
    void linksThatDoNotVerifyAreRefusedAlikeAndChangeNothing() {
        String id = registerId();
        stream.await(id, 1, WAIT);
        SignedLinks other = new SignedLinks("another-secret-of-32-characters!!");
        String valid = unsubscribeToken(id, "service");
        List<String> bad = List.of(
                other.sign("unsubscribe", tomorrow(), id, "service"),                        // forged
                signer().sign("unsubscribe", Instant.now().minusSeconds(1), id, "service"),  // expired
                signer().sign("preferences", tomorrow(), id),                                // other purpose
                signer().sign("unsubscribe", tomorrow(), id),                                // fields missing
                signer().sign("unsubscribe", tomorrow(), id, "service", "extra"),            // fields extra
                signer().sign("unsubscribe", tomorrow(), id, "sales"),                       // unknown category
                signer().sign("unsubscribe", tomorrow(), id.toUpperCase(), "service"),       // not the id as written
                signer().sign("unsubscribe", tomorrow(), java.util.UUID.randomUUID().toString(), "service"), // nobody
                valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA"),  // tampered
                "not-a-token", "a.b.c");
        for (String token : bad) {
            assertProblem(oneClick(token).then(), 404).body("detail", not(containsString(id)));
            ValidatableResponse page = browser().urlEncodingEnabled(false).contentType(FORM).body(ONE_CLICK)
                    .post("/preferences/unsubscribe?token=" + token).then();
            refusalPage(page, 404, "This link no longer works").body(containsString("fresh link"));
            refusalPage(browser().urlEncodingEnabled(false).get("/preferences/unsubscribe?token=" + token).then(), 404,
                    "This link no longer works");
        }
        // a valid unsubscribe link opens no preferences page, and the reverse
        refusalPage(openPreferences(valid).then(), 404, "This link no longer works");
        assertProblem(oneClick(preferencesToken(id)).then(), 404);

        as(AGENT).get("/customers/{id}", id).then().header("ETag", "\"0\"")
                .body("preferences.consent.service", equalTo(true));
        assertEquals(List.of("customer.registered"), EventStream.types(stream.during(id, QUIET)));
    }

    @Test
    void theRefusalSpeaksTheBrowsersLanguage() {
        given().header("Accept", "text/html").header("Accept-Language", "de-AT,de;q=0.9,en;q=0.5")
                .get("/preferences?token=nope.nope").then().statusCode(404)
                .body(containsString("<html lang=\"de\">"))
                .body(containsString("Dieser Link funktioniert nicht mehr"));
        given().header("Accept", "text/html").header("Accept-Language", "fr-CH")
                .get("/preferences?token=nope.nope").then().statusCode(404)
                .body(containsString("Ce lien ne fonctionne plus"));
        for (String language : new String[]{"ja", "", "x;q=foo,,;;"}) {
            given().header("Accept", "text/html").header("Accept-Language", language)
                    .get("/preferences?token=nope.nope").then().statusCode(404)
                    .body(containsString("<html lang=\"en\">"))
                    .body(containsString("This link no longer works"));
        }
    }

    @Test
    void anErasedCustomersLinksAreGone() {
        String id = registerId();
        as(SUPERVISOR).delete("/customers/{id}", id).then().statusCode(204);
        stream.await(id, 2, WAIT);

        assertProblem(oneClick(unsubscribeToken(id, "service")).then(), 410);
        refusalPage(browser().urlEncodingEnabled(false).get("/preferences/unsubscribe?token="
                + unsubscribeToken(id, "marketing")).then(), 410, "We no longer hold your details");
        refusalPage(openPreferences(preferencesToken(id)).then(), 410, "We no longer hold your details");
        assertProblem(given().get("/preferences?token=" + preferencesToken(id)).then(), 410);
        assertEquals(List.of("customer.registered", "customer.erased"), EventStream.types(stream.during(id, QUIET)));
    }

    @Test
    void aMergedRecordsLinkActsOnTheSurvivor() {
        String survivor = registerId();
        String duplicate = registerId();
        as(AGENT).body(Map.of("duplicateId", duplicate)).post("/customers/{id}/merge", survivor).then().statusCode(200);
        stream.await(survivor, 2, WAIT);

        oneClick(unsubscribeToken(duplicate, "service")).then().statusCode(200);
        as(AGENT).get("/customers/{id}", survivor).then().body("preferences.consent.service", equalTo(false));
        List<JsonNode> events = stream.await(survivor, 3, WAIT);
        assertEquals("customer.preferences-changed", events.get(2).path("type").asText());
        String page = openPreferences(preferencesToken(duplicate)).then().statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"service\" type=\"checkbox\" value=\"yes\" aria-describedby=\"service-hint\">"),
                "the survivor's consent (service off) is shown");
    }

    // --- the preferences form ----------------------------------------------------------------------------------------

    @Test
    void theFormShowsTheCustomersChoicesWithoutTheirDetails() {
        String json = CustomerFixtures.newCustomerJson();
        String id = register(json).then().statusCode(201).extract().path("id");
        String page = secured(openPreferences(preferencesToken(id)).then()).statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<title>Your message preferences – Message preferences</title>"))
                .body(containsString("id=\"channel\" name=\"channel\" type=\"radio\" value=\"email\" checked"))
                .body(containsString("id=\"channel-2\" name=\"channel\" type=\"radio\" value=\"sms\">"))
                .body(containsString("id=\"fallback\" name=\"fallback\" type=\"radio\" value=\"yes\" checked"))
                .body(containsString("id=\"service\" name=\"service\" type=\"checkbox\" value=\"yes\" aria-describedby=\"service-hint\" checked"))
                .body(containsString("id=\"marketing\" name=\"marketing\" type=\"checkbox\" value=\"yes\" aria-describedby=\"marketing-hint\">"))
                .body(containsString("We always send critical messages"))
                .body(containsString("value=\"21:00\""))
                .body(containsString("value=\"08:00\""))
                .body(not(containsString("<script")))
                .body(not(containsString("style=")))
                .extract().asString();
        assertFalse(page.contains("Ada") || page.contains("Lovelace") || page.contains("@example.com")
                || page.contains("+4477"), "the page holds no name, address or number");
    }

    @Test
    void theFormOffersOnlyTheChannelsTheCustomerHas() {
        String id = register("{\"givenName\": \"Em\", \"emails\": [{\"address\": \"em." + java.util.UUID.randomUUID()
                + "@example.com\"}]}").then().statusCode(201).extract().path("id");
        String page = openPreferences(preferencesToken(id)).then().statusCode(200)
                .body(containsString("value=\"email\" checked"))
                .body(not(containsString("value=\"sms\"")))
                .body(not(containsString("name=\"fallback\" type=\"radio\"")))
                .extract().asString();
        // a hand-made post asking for SMS is an error, not a 422 from the rules
        post(form(page, Map.of("channel", "sms"))).then().statusCode(400)
                .body(containsString("Select a way to contact you that we have details for"));
        as(AGENT).get("/customers/{id}", id).then().header("ETag", "\"0\"");
    }

    @Test
    void theFormSavesEveryFieldAndShowsTheBanner() {
        String id = registerId();
        stream.await(id, 1, WAIT);
        String page = openPreferences(preferencesToken(id)).then().statusCode(200).extract().asString();

        String saved = secured(post("token=" + preferencesToken(id) + "&version=" + versionIn(page)
                + "&channel=sms&fallback=no&marketing=yes&quietStart=22%3A30&quietEnd=7.15").then())
                .statusCode(200)
                .body(containsString("class=\"notification-banner notification-banner--success\" role=\"alert\""))
                .body(containsString("tabindex=\"-1\" autofocus"))
                .body(containsString("Your preferences are saved"))
                .body(containsString("value=\"sms\" checked"))
                .body(containsString("value=\"no\" checked"))
                .body(containsString("value=\"22:30\""))
                .body(containsString("value=\"07:15\""))
                .extract().asString();
        assertEquals("1", versionIn(saved));

        as(AGENT).get("/customers/{id}", id).then().statusCode(200)
                .body("preferences.preferredChannel", equalTo("sms"))
                .body("preferences.fallbackAllowed", equalTo(false))
                .body("preferences.consent.service", equalTo(false))
                .body("preferences.consent.marketing", equalTo(true))
                .body("preferences.quietHours.start", equalTo("22:30"))
                .body("preferences.quietHours.end", equalTo("07:15"))
                .body("preferences.language", equalTo("en"))
                .body("preferences.timeZone", equalTo("UTC"));
        List<JsonNode> events = stream.during(id, QUIET);
        assertEquals(List.of("customer.registered", "customer.preferences-changed"), EventStream.types(events));
        events.forEach(EventSchemas::assertValid);

        // saving the same again is a no-op: no version, no event
        post(form(saved, Map.of())).then().statusCode(200).body(containsString("Your preferences are saved"));
        as(AGENT).get("/customers/{id}", id).then().header("ETag", "\"1\"");
        assertEquals(2, stream.during(id, QUIET).size());
    }

    @Test
    void badValuesShowAnErrorSummaryAndChangeNothing() {
        String id = registerId();
        stream.await(id, 1, WAIT);
        String page = openPreferences(preferencesToken(id)).then().statusCode(200).extract().asString();
        String base = "token=" + preferencesToken(id) + "&version=" + versionIn(page);

        String refused = post(base + "&fallback=yes&service=yes&quietStart=25%3A00&quietEnd=").then().statusCode(400)
                .contentType("text/html; charset=UTF-8")
                .body(containsString("<title>Error: Your message preferences – Message preferences</title>"))
                .body(containsString("class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\" autofocus"))
                .body(containsString("There is a problem"))
                .body(containsString("<a href=\"#channel\">Select how we should contact you</a>"))
                .body(containsString("<a href=\"#quiet-start\">Enter the time your quiet hours start in hours and minutes, like 21:00</a>"))
                .body(containsString("<a href=\"#quiet-end\">Enter the time your quiet hours end</a>"))
                .body(containsString("id=\"quiet-start-error\" class=\"error-message\""))
                .body(containsString("value=\"25:00\""))
                .extract().asString();
        assertFalse(refused.contains("Your preferences are saved"));

        // a client that is not a browser gets the problem, naming the fields
        assertProblem(given().urlEncodingEnabled(false).contentType(FORM)
                .body(base + "&channel=fax&fallback=maybe&quietStart=9&quietEnd=08%3A00").post("/preferences").then(), 400)
                .body("errors.field", equalTo(List.of("channel", "fallback", "quietStart")));

        as(AGENT).get("/customers/{id}", id).then().header("ETag", "\"0\"");
        assertEquals(List.of("customer.registered"), EventStream.types(stream.during(id, QUIET)));
    }

    @Test
    void aFormShownBeforeAnotherChangeSavesNothing() {
        String id = registerId();
        String token = preferencesToken(id);
        String page = openPreferences(token).then().statusCode(200).extract().asString();
        oneClick(unsubscribeToken(id, "service")).then().statusCode(200); // version 1, service off

        post(form(page, Map.of("marketing", "yes"))).then().statusCode(412)
                .body(containsString("nothing was saved"))
                .body(containsString("name=\"version\" value=\"1\""));
        as(AGENT).get("/customers/{id}", id).then().header("ETag", "\"1\"")
                .body("preferences.consent.marketing", equalTo(false))
                .body("preferences.consent.service", equalTo(false));
    }

    @Test
    void customersReadTheirLanguage() {
        String id = registerId();
        as(AGENT).body("""
                        {"preferredChannel": "email", "fallbackAllowed": true, "language": "de-AT",
                         "timeZone": "Europe/Vienna", "consent": {"service": true, "marketing": false}}""")
                .put("/customers/{id}/preferences", id).then().statusCode(200);
        browser().header("Accept-Language", "en").queryParam("token", preferencesToken(id)).get("/preferences").then()
                .statusCode(200)
                .body(containsString("<html lang=\"de\">"))
                .body(containsString("Ihre Einstellungen für Nachrichten"))
                .body(containsString("Europe/Vienna"));
        browser().urlEncodingEnabled(false).get("/preferences/unsubscribe?token=" + unsubscribeToken(id, "service"))
                .then().statusCode(200).body(containsString("Service-E-Mails abbestellen?"));

        String french = registerId();
        as(AGENT).body("""
                        {"preferredChannel": "email", "fallbackAllowed": true, "language": "fr",
                         "timeZone": "Europe/Paris", "consent": {"service": true, "marketing": false}}""")
                .put("/customers/{id}/preferences", french).then().statusCode(200);
        openPreferences(preferencesToken(french)).then().statusCode(200)
                .body(containsString("<html lang=\"fr\">"))
                .body(containsString("Vos préférences de messages"));
    }

    // --- input read as written ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/preferences", "/preferences?token=", "/preferences/unsubscribe",
            "/preferences/unsubscribe?token=%20"})
    void aMissingTokenIsABadRequest(String path) {
        refusalPage(browser().urlEncodingEnabled(false).get(path).then(), 400, "Sorry, we could not read that");
        assertProblem(given().urlEncodingEnabled(false).get(path).then(), 400);
    }

    @Test
    void malformedOrOversizedInputIsRefusedAndChangesNothing() {
        String id = registerId();
        stream.await(id, 1, WAIT);
        String token = preferencesToken(id);
        String page = openPreferences(token).then().statusCode(200).extract().asString();
        String valid = form(page, Map.of("marketing", "yes"));

        refusalPage(browser().urlEncodingEnabled(false).get("/preferences?token=" + "A".repeat(600)).then(), 400,
                "Sorry, we could not read that");
        refusalPage(browser().urlEncodingEnabled(false).get("/preferences?token=a%00b").then(), 400,
                "Sorry, we could not read that");
        assertProblem(given().urlEncodingEnabled(false).get("/preferences?token=a%00b").then(), 400);
        for (String body : List.of(
                valid + "&quietStart=%ZZ",                      // malformed escape (and a duplicate)
                valid.replace("&version=", "&version=%ZZ"),    // malformed escape
                valid + "&x=1",                                 // a field the page does not have
                valid + "&marketing=yes",                       // a field twice
                valid.replace("marketing=yes", "marketing=on"), // a box ticked with another value
                valid.replace("quietStart=21%3A00", "quietStart=21%3A00%00"), // NUL
                valid.replace("quietStart=21%3A00", "quietStart=%C0%AF"),     // not UTF-8
                valid.replace("quietStart=21%3A00", "quietStart=" + "1".repeat(700)), // an oversized value
                valid + "&" + "a".repeat(5000),                 // an oversized form
                valid.replaceAll("&version=[0-9]+", ""),        // no version
                valid.replaceAll("token=[^&]+&", ""),           // no token
                "")) {
            refusalPage(post(body).then(), 400, "Sorry, we could not read that");
            assertProblem(given().urlEncodingEnabled(false).contentType(FORM).body(body).post("/preferences").then(), 400)
                    .body("detail", not(containsString("dev.anchor")));
        }
        // over the shared 64 KiB limit: the shared 413 problem, with the pages' headers
        secured(given().urlEncodingEnabled(false).contentType(FORM).body(valid + "&q=" + "a".repeat(70_000))
                .post("/preferences").then()).statusCode(413);
        // the one-click endpoint takes exactly the one-click pair
        String unsubscribe = unsubscribeToken(id, "service");
        for (String body : List.of("", "List-Unsubscribe=Yes", "List-Unsubscribe=One-Click&x=1",
                "List-Unsubscribe=One-Click&List-Unsubscribe=One-Click", "List-Unsubscribe=One%ZZClick", "%00")) {
            assertProblem(given().urlEncodingEnabled(false).contentType(FORM).body(body)
                    .post("/preferences/unsubscribe?token=" + unsubscribe).then(), 400);
        }
        assertProblem(given().urlEncodingEnabled(false).contentType("text/plain").body(ONE_CLICK)
                .post("/preferences/unsubscribe?token=" + unsubscribe).then(), 415);

        as(AGENT).get("/customers/{id}", id).then().header("ETag", "\"0\"");
        assertEquals(List.of("customer.registered"), EventStream.types(stream.during(id, QUIET)));
    }

    // --- security ----------------------------------------------------------------------------------------------------

    @Test
    void everyAnswerCarriesThePagesHeaders() {
        String id = registerId();
        secured(openPreferences(preferencesToken(id)).then()).statusCode(200);
        secured(openPreferences("nope").then()).statusCode(404);
        secured(given().get("/preferences?token=nope").then()).statusCode(404);
        secured(oneClick(unsubscribeToken(id, "marketing")).then()).statusCode(200);
        given().get("/preferences-page/page.css").then().statusCode(200)
                .contentType(startsWith("text/css"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff");
    }

    /** The pages need no bearer token, a bearer token changes nothing there, and nothing else opened without one. */
    @Test
    void onlyThePagesAreOpenWithoutABearerToken() {
        String id = registerId();
        given().auth().oauth2("not.a.jwt").header("Accept", "text/html").queryParam("token", preferencesToken(id))
                .get("/preferences").then().statusCode(200);
        assertProblem(given().get("/customers/{id}", id).then(), 401);

        // which endpoints are open at all: OpenEndpointsTest
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    /** The security headers every preferences-page answer carries. */
    static ValidatableResponse secured(ValidatableResponse response) {
        return response
                .header("Content-Security-Policy", equalTo("default-src 'self'; script-src 'none'; style-src 'self'; "
                        + "img-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    private static ValidatableResponse refusalPage(ValidatableResponse response, int status, String title) {
        return secured(response).statusCode(status)
                .contentType("text/html; charset=UTF-8")
                .body(containsString("<h1 class=\"heading-l\" id=\"refused\">" + title + "</h1>"))
                .body(not(containsString("dev.anchor")));
    }

    private static Response post(String body) {
        return browser().urlEncodingEnabled(false).contentType(FORM).body(body).post("/preferences");
    }

    /** The form on {@code page} as a browser submits it unchanged, with {@code changes} applied. */
    private static String form(String page, Map<String, String> changes) {
        String token = page.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
        StringBuilder body = new StringBuilder("token=" + token + "&version=" + versionIn(page));
        String channel = changes.getOrDefault("channel",
                page.replaceAll("(?s).*name=\"channel\" type=\"radio\" value=\"([a-z]+)\" checked.*", "$1"));
        body.append("&channel=").append(channel);
        if (page.contains("name=\"fallback\" type=\"radio\"")) {
            body.append("&fallback=").append(changes.getOrDefault("fallback",
                    page.replaceAll("(?s).*name=\"fallback\" type=\"radio\" value=\"([a-z]+)\" checked.*", "$1")));
        } else if (page.contains("type=\"hidden\" name=\"fallback\"")) {
            body.append("&fallback=").append(changes.getOrDefault("fallback",
                    page.replaceAll("(?s).*type=\"hidden\" name=\"fallback\" value=\"([a-z]+)\".*", "$1")));
        }
        for (String box : List.of("service", "marketing")) {
            boolean ticked = page.matches("(?s).*name=\"" + box + "\" type=\"checkbox\" value=\"yes\" aria-describedby=\""
                    + box + "-hint\" checked.*");
            if (changes.containsKey(box) ? changes.get(box) != null : ticked) {
                body.append("&").append(box).append("=yes");
            }
        }
        body.append("&quietStart=").append(page.replaceAll("(?s).*name=\"quietStart\"[^>]*value=\"([^\"]*)\".*", "$1")
                .replace(":", "%3A"));
        body.append("&quietEnd=").append(page.replaceAll("(?s).*name=\"quietEnd\"[^>]*value=\"([^\"]*)\".*", "$1")
                .replace(":", "%3A"));
        return body.toString();
    }
}
