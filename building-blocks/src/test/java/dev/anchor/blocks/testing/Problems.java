package dev.anchor.blocks.testing;

import io.restassured.response.ValidatableResponse;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Assertions that a response is an RFC 9457 problem with the expected status. */
public final class Problems {

    private Problems() {
    }

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("type", startsWith("urn:anchor:problem:"));
    }
}
