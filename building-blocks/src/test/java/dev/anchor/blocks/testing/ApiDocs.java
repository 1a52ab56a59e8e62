package dev.anchor.blocks.testing;

import io.restassured.RestAssured;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps {@code docs/api/<service>.yaml} equal to the OpenAPI document the service serves. */
public final class ApiDocs {

    private ApiDocs() {
    }

    /** Fails when the committed document differs, after writing the served one so the fix is a commit away. */
    public static void assertInSync(String service) throws IOException {
        String served = RestAssured.given().queryParam("format", "yaml").get("/q/openapi").then()
                .statusCode(200).extract().asString();
        Path committed = RepositoryFiles.path("docs/api/" + service + ".yaml");
        String current = Files.exists(committed) ? Files.readString(committed) : "";
        if (!current.equals(served)) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served);
            throw new AssertionError(committed + " was out of date with the served OpenAPI document; "
                    + "it has been rewritten: review and commit it");
        }
    }
}
