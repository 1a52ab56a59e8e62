package dev.anchor.system.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.system.journey.RunningSuite;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracker issue 12 ("Safe retries"): every POST of the four published OpenAPI documents ({@code docs/api/}) that
 * creates something (201 or 202) documents {@code Idempotency-Key} — a new endpoint cannot forget it. The one
 * exception is named here with its reason.
 */
class IdempotentCreatesDocumentedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Creates that may not replay, and why. */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "issue-service POST /issues/{idOrNumber}/status-link",
            "each call makes a new secret link; a replay would have to store the raw token to answer it again");

    @Test
    void everyCreatingPostDocumentsIdempotencyKey() throws IOException {
        List<String> creates = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> documents = Files.list(RunningSuite.ROOT.resolve("docs/api"))) {
            for (Path document : documents.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String service = document.getFileName().toString().replace(".yaml", "");
                // SnakeYAML (under Jackson's YAML module): Jackson's own parser reads a time in an example as a number
                Object yaml = new org.yaml.snakeyaml.Yaml().load(Files.readString(document));
                JSON.valueToTree(yaml).path("paths").properties().forEach(path -> {
                    JsonNode post = path.getValue().path("post");
                    JsonNode responses = post.path("responses");
                    if (!responses.has("201") && !responses.has("202")) {
                        return;
                    }
                    String operation = service + " POST " + path.getKey();
                    creates.add(operation);
                    boolean keyed = false;
                    for (JsonNode parameter : post.path("parameters")) {
                        keyed |= "header".equals(parameter.path("in").asText())
                                && "Idempotency-Key".equals(parameter.path("name").asText());
                    }
                    if (!keyed && !EXCEPTIONS.containsKey(operation)) {
                        missing.add(operation);
                    }
                });
            }
        }
        assertTrue(creates.size() >= 8, "the documents were read: " + creates);
        assertTrue(creates.containsAll(EXCEPTIONS.keySet()), "every exception is still a create: " + creates);
        assertEquals(List.of(), missing, "creating POSTs that do not document Idempotency-Key");
    }
}
