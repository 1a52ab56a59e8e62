package dev.anchor.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged notification-service jar in its prod profile, as a deployment runs it, refuses to start with the
 * well-known development callback secret or without a database password, and says which setting to give it.
 * Needs the service packaged ({@code ./mvnw package -pl notification-service -am}); it never reaches PostgreSQL or
 * Kafka (migrations off, Kafka on a closed port).
 */
class ProductionCredentialsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path JAR = ROOT.resolve("notification-service/target/quarkus-app/quarkus-run.jar");

    @Test
    void refusesTheDevelopmentCallbackSecret() throws Exception {
        Result start = start(Map.of("QUARKUS_DATASOURCE_PASSWORD", "a-real-password"));
        assertNotEquals(0, start.exit(), start.out());
        assertTrue(start.out().contains("anchor.callbacks.secret is the well-known development default: "
                + "set the environment variable ANCHOR_CALLBACK_SECRET"), start.out());
        assertTrue(start.out().contains("anchor.links.secret is the well-known development default: "
                + "set the environment variable ANCHOR_LINK_SECRET"), start.out());
        assertFalse(start.out().contains("quarkus.datasource.password is not set"), start.out());
    }

    @Test
    void refusesToStartWithoutADatabasePassword() throws Exception {
        Result start = start(Map.of("ANCHOR_CALLBACK_SECRET", "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978",
                "ANCHOR_LINK_SECRET", "7a6b5c4d3e2f10011f2e3d4c5b6a79887a6b5c4d3e2f1001"));
        assertNotEquals(0, start.exit(), start.out());
        assertTrue(start.out().contains("quarkus.datasource.password is not set: "
                + "set the environment variable QUARKUS_DATASOURCE_PASSWORD"), start.out());
        assertFalse(start.out().contains("anchor.callbacks.secret"), start.out());
        assertFalse(start.out().contains("anchor.links.secret"), start.out());
    }

    private static Result start(Map<String, String> environment) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: ./mvnw package -DskipTests -pl notification-service -am");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("notification-prod", ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("ANCHOR_")
                || name.startsWith("KAFKA_") || name.startsWith("MP_"));
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        env.putAll(environment);
        Process process = builder.start();
        try {
            // A service that starts would run until stopped: the refusal must come within the deadline.
            boolean exited = process.waitFor(120, TimeUnit.SECONDS);
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (!exited) {
                throw new AssertionError("notification-service did not refuse to start within 120 s:\n" + out);
            }
            return new Result(process.exitValue(), out);
        } finally {
            process.destroyForcibly().waitFor();
            Files.deleteIfExists(log);
        }
    }

    private record Result(int exit, String out) {
    }
}
