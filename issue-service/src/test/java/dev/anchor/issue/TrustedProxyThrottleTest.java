package dev.anchor.issue;

import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.issue.api.statuspage.TokenGuessThrottle;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** With the test client's address configured as a trusted proxy, the throttle counts the address it forwarded for. */
@QuarkusTest
@TestProfile(TrustedProxyThrottleTest.TrustedLoopback.class)
@QuarkusTestResource(TestJwt.class)
class TrustedProxyThrottleTest {

    public static class TrustedLoopback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("anchor.status-page.trusted-proxies", "127.0.0.1,::1,10.9.9.9");
        }
    }

    @Inject
    TokenGuessThrottle throttle;

    @BeforeEach
    void cleanSlate() {
        throttle.reset();
    }

    @Test
    void xForwardedForFromATrustedProxyNamesTheClient() {
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").get("/status/guess-" + i).then().statusCode(404);
        }
        given().header("X-Forwarded-For", "203.0.113.7").get("/status/guess-x").then().statusCode(429);
        // another client behind the same proxy is not throttled for the first one's guesses
        given().header("X-Forwarded-For", "203.0.113.8").get("/status/guess-y").then().statusCode(404);
        // read from the right past every trusted proxy: what the client itself wrote on the left does not count
        given().header("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 10.9.9.9").get("/status/guess-z").then()
                .statusCode(429);
        given().header("X-Forwarded-For", "203.0.113.7, 198.51.100.2").get("/status/guess-w").then().statusCode(404);
    }
}
