package dev.anchor.blocks.http;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is refused at the edge of HTTP answers problem+json like everything else, and headers are read as sent. */
@QuarkusTest
class EdgeProblemsTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void anOverlongTargetIs414Problem() throws IOException {
        String answer = raw("GET /test/notes?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 414);
    }

    @Test
    void oversizedHeadersAre431Problem() throws IOException {
        String answer = raw("GET /test/notes HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 431);
    }

    @Test
    void malformedPercentEncodingInTheRequestTargetIsRefusedBeforeAnyHandler() throws IOException {
        // Quarkus validates the request target before any route runs and answers a bare 400 (docs/security.md)
        for (String target : new String[]{"/test/%ZZ", "/test/notes?q=%ZZ", "/test/notes?q=%"}) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), target + ": " + answer);
        }
    }

    @Test
    void aBodyWithoutContentTypeIs415() throws IOException {
        assertProblem(raw("POST /test/notes HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\nConnection: close\r\n\r\n"
                + "{\"text\":\"a\"}"), 415);
        given().contentType("application/json").body("{\"text\":\"a\"}").post("/test/notes").then().statusCode(201);
    }

    @Test
    void anEmptyIdempotencyKeyOrIfMatchIs400() {
        given().contentType("application/json").header("Idempotency-Key", "").body("{\"text\":\"a\"}")
                .post("/test/notes").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The Idempotency-Key header is empty; leave it out or give it a value"));
        given().contentType("application/json").header("If-Match", " ").body("{\"text\":\"a\"}")
                .post("/test/notes").then().statusCode(400).contentType("application/problem+json");
    }

    private static void assertProblem(String answer, int status) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer.lines().findFirst().orElse(answer));
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"status\":" + status), answer);
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
