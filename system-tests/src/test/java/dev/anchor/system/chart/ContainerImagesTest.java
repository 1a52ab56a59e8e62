package dev.anchor.system.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each service's Dockerfiles agree with what the chart assumes: UBI base, port 8080, the non-root user the chart sets. */
class ContainerImagesTest {

    private static String lastInstruction(List<String> lines, String instruction) {
        return lines.stream().map(String::strip).filter(l -> l.startsWith(instruction + " "))
                .reduce((first, second) -> second).map(l -> l.substring(instruction.length() + 1).strip()).orElse("");
    }

    private static long chartUser(String variant) throws Exception {
        JsonNode values = new YAMLMapper().readTree(Chart.CHART.resolve("values.yaml").toFile());
        return values.path("image").path(variant).path("runAsUser").asLong();
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-service", "issue-service", "contact-service", "notification-service"})
    void jvmImageRunsAsTheChartsNonRootUserOnUbi(String service) throws Exception {
        List<String> lines = Files.readAllLines(Chart.ROOT.resolve(service + "/src/main/docker/Dockerfile.jvm"));
        assertTrue(lastInstruction(lines, "FROM").startsWith("registry.access.redhat.com/ubi9/openjdk-21"), service);
        assertEquals(String.valueOf(chartUser("jvm")), lastInstruction(lines, "USER"));
        assertEquals("8080", lastInstruction(lines, "EXPOSE"));
        assertTrue(lines.contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/"), "fast-jar layers");
        assertTrue(lines.contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), "runs the fast-jar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-service", "issue-service", "contact-service", "notification-service"})
    void nativeImageRunsAsTheChartsNonRootUserOnUbiMicro(String service) throws Exception {
        List<String> lines = Files.readAllLines(Chart.ROOT.resolve(service + "/src/main/docker/Dockerfile.native-micro"));
        assertTrue(lastInstruction(lines, "FROM").startsWith("quay.io/quarkus/ubi9-quarkus-micro-image:"), service);
        assertEquals(String.valueOf(chartUser("native")), lastInstruction(lines, "USER"));
        assertEquals("8080", lastInstruction(lines, "EXPOSE"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY --chown=1001:root --chmod=0755 target/*-runner ")));
    }
}
