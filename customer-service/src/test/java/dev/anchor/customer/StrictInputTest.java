package dev.anchor.customer;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input is read as written, never guessed, and every refusal is a 4xx problem that names no Java type. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class StrictInputTest {

    @TestHTTPResource("/customers")
    URI customers;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NUL in a name          | {\"givenName\": \"Ada\\u0000Lovelace\"}                     | givenName",
            "NUL in a list item     | {\"givenName\": \"A\", \"emails\": [{\"address\": \"a\\u0000@x.io\"}]} | emails[0].address",
            "number as a string     | {\"givenName\": 42}                                        | givenName",
            "boolean as a string    | {\"givenName\": \"A\", \"emails\": [{\"address\": \"a@x.io\", \"primary\": \"true\"}]} | emails[0].primary",
            "string as a boolean    | {\"givenName\": \"A\", \"emails\": [{\"address\": \"a@x.io\", \"primary\": 1}]} | emails[0].primary"})
    void refusesValuesThatAreNotWhatTheyClaim(String name, String json, String field) {
        assertProblem(as(AGENT).body(json).post("/customers").then(), 400)
                .body("errors.field", hasItem(field))
                .body("detail", not(containsString("dev.anchor")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "duplicated key | {\"givenName\": \"A\", \"givenName\": \"B\"}",
            "trailing data  | {\"givenName\": \"A\"} {\"givenName\": \"B\"}",
            "an array       | [{\"givenName\": \"A\"}]",
            "a string       | \"Ada\""})
    void refusesDocumentsThatAreNotOneObject(String name, String json) {
        assertProblem(as(AGENT).body(json).post("/customers").then(), 400)
                .body("detail", not(containsString("dev.anchor")))
                .body("detail", not(containsString("`")));
    }

    @Test
    void refusesNulAndMalformedNumbersInQueries() {
        assertProblem(as(AGENT).urlEncodingEnabled(false).get("/customers?email=a%00b").then(), 400)
                .body("detail", containsString("NUL"));
        assertProblem(as(AGENT).queryParam("page", "1.5").get("/customers").then(), 400);
    }

    @Test
    void refusesBodiesThatAreNotUtf8() throws Exception {
        // "/" written as the overlong two-byte sequence C0 AF: a decoder that accepted it would store another text
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes("{\"givenName\": \"A".getBytes(StandardCharsets.UTF_8));
        overlong.writeBytes(new byte[]{(byte) 0xC0, (byte) 0xAF});
        overlong.writeBytes("B\"}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofByteArray(overlong.toByteArray()));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("UTF-8"), response.body());
    }

    @Test
    void theBodyLimitHoldsForChunkedBodies() throws Exception {
        byte[] huge = ("{\"givenName\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        // a publisher of unknown length makes the client send the body chunked, without Content-Length
        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        as(AGENT).queryParam("q", "xxxxxxxxxx").get("/customers").then().statusCode(200).body("total", equalTo(0));
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(customers).header("Authorization", "Bearer " + AGENT)
                .header("Content-Type", "application/json").POST(body).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
