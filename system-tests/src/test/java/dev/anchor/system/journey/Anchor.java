package dev.anchor.system.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The suite's public REST APIs as another application calls them: bearer tokens from {@code ./suite token}. */
public final class Anchor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyz";

    final RunningSuite suite;

    public Anchor(RunningSuite suite) {
        this.suite = suite;
    }

    /** A caller of the APIs: a role and subject (and a location for partners). */
    public record Caller(String role, String sub, String location) {
        public static Caller agent(String sub) {
            return new Caller("agent", sub, null);
        }

        public static Caller supervisor(String sub) {
            return new Caller("supervisor", sub, null);
        }

        public static Caller partner(String sub, String location) {
            return new Caller("partner", sub, location);
        }
    }

    /** Bounded: a service that stops answering fails the test instead of hanging the build. */
    private static final RestAssuredConfig BOUNDED = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 30_000));

    /** A request with bounded connect and read times and no redirects followed. */
    public static RequestSpecification http() {
        return given().config(BOUNDED).redirects().follow(false);
    }

    public RequestSpecification as(Caller caller, String baseUri) {
        return http().baseUri(baseUri)
                .header("Authorization", "Bearer " + suite.token(caller.role(), caller.sub(), caller.location()));
    }

    public RequestSpecification customers(Caller caller) {
        return as(caller, suite.customerService());
    }

    public RequestSpecification issues(Caller caller) {
        return as(caller, suite.issueService());
    }

    public RequestSpecification contacts(Caller caller) {
        return as(caller, suite.contactService());
    }

    public RequestSpecification notifications(Caller caller) {
        return as(caller, suite.notificationService());
    }

    // ---- unique data ----------------------------------------------------------------------------

    /** Letters only, so it can be part of a name and cannot be mistaken for an id or a time. */
    public static String unique(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return out.toString();
    }

    /** A random UK mobile number in E.164 (+447 and nine digits). */
    public static String uniquePhone() {
        return String.format("+4479%08d", RANDOM.nextInt(100_000_000));
    }

    public static String idempotencyKey() {
        return "system-test-" + UUID.randomUUID();
    }

    /**
     * Quiet hours that cannot cover the next hours: an hour-long window starting eight hours from now in UTC. Without
     * them the defaults (21:00–08:00) would hold every message back when CI runs at night.
     */
    public static Map<String, String> quietHoursAwayFromNow() {
        LocalTime start = LocalTime.now(ZoneOffset.UTC).plusHours(8).truncatedTo(ChronoUnit.MINUTES);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        return Map.of("start", start.format(hhmm), "end", start.plusHours(1).format(hhmm));
    }

    public static Map<String, Object> preferences(String channel) {
        return Map.of("preferredChannel", channel, "fallbackAllowed", false, "language", "en", "timeZone", "UTC",
                "quietHours", quietHoursAwayFromNow(),
                "consent", Map.of("critical", true, "service", true, "marketing", false));
    }

    public static String inFuture(Duration duration) {
        return Instant.now().plus(duration).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // ---- JSON -----------------------------------------------------------------------------------

    public static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.asString(), e);
        }
    }

    /** The body of a response that must have the given status, as JSON. */
    public static JsonNode expect(Response response, int status, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + ": expected " + status + " but got " + response.statusCode() + " "
                    + response.asString());
        }
        return json(response);
    }

    public static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }
}
