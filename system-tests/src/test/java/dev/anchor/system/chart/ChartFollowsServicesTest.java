package dev.anchor.system.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chart is hand-written, so these keep it in step with the services' own configuration: names, databases, topics,
 * the shared defaults it relies on (health, metrics path, migrations at start, JWT issuer).
 */
class ChartFollowsServicesTest {

    private static JsonNode values;
    private static Properties shared;

    @BeforeAll
    static void load() throws IOException {
        values = new YAMLMapper().readTree(Chart.CHART.resolve("values.yaml").toFile());
        shared = properties(Chart.ROOT.resolve("building-blocks/src/main/resources/META-INF/microprofile-config.properties"));
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer", "issue", "contact", "notification"})
    void nameDatabaseAndTopicsMatchTheServicesConfiguration(String key) throws IOException {
        JsonNode service = values.path("services").path(key);
        String name = service.path("name").asText();
        Properties own = properties(Chart.ROOT.resolve(name + "/src/main/resources/application.properties"));

        assertEquals(own.getProperty("quarkus.application.name"), name);
        String jdbcUrl = own.getProperty("quarkus.datasource.jdbc.url");
        assertEquals(jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1), service.path("database").path("name").asText());
        assertEquals("anchor/" + name, service.path("image").path("repository").asText());

        List<String> topics = new ArrayList<>();
        values.path("kafka").path("topics").path("names").forEach(t -> topics.add(t.asText()));
        assertTrue(topics.contains(key + ".events"), "the topic " + name + " publishes on");
        for (String property : own.stringPropertyNames()) {
            if (property.startsWith("mp.messaging.") && property.endsWith(".topic")) {
                // the test profile's prefix (test.) is empty outside tests
                String topic = own.getProperty(property).replace("${anchor.events.topic-prefix:}", "");
                assertTrue(topics.contains(topic), property + " = " + own.getProperty(property));
                // where that consumer parks what it cannot apply (RejectedEvents)
                assertTrue(topics.contains(name + "." + topic + ".dlq"), "the dead-letter topic of " + property);
            }
        }
    }

    @Test
    void everyAnchorSettingTheChartSetsIsOneTheServiceReads() throws IOException {
        List<HasMetadata> objects = Chart.parse(Chart.template(List.of(), Map.of()));
        int checked = 0;
        for (ConfigMap config : ChartChecks.of(objects, ConfigMap.class)) {
            String name = config.getMetadata().getName().replaceFirst("^anchor-", "");
            Set<String> read = properties(Chart.ROOT.resolve(name + "/src/main/resources/application.properties"))
                    .stringPropertyNames().stream()
                    .map(p -> p.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"))
                    .collect(Collectors.toSet());
            for (String variable : config.getData().keySet()) {
                if (variable.startsWith("ANCHOR_")) {
                    assertTrue(read.contains(variable), name + " has no setting that " + variable + " overrides");
                    checked++;
                }
            }
        }
        assertEquals(6, checked, "ANCHOR_STATUS_PAGE_BASE_URL, ANCHOR_SMS_HTTP_URL, the two notification windows, "
                + "the customer pages' base URL and the reply address");
    }

    @Test
    void theSharedDefaultsTheChartReliesOnAreInPlace() throws IOException {
        assertEquals("/q/metrics", shared.getProperty("quarkus.micrometer.export.prometheus.path"), "ServiceMonitor path");
        assertEquals("true", shared.getProperty("quarkus.flyway.migrate-at-start"), "pods migrate unless the Job is on");
        assertEquals(values.path("jwt").path("issuer").asText(), shared.getProperty("mp.jwt.verify.issuer"));
        String blocks = Files.readString(Chart.ROOT.resolve("building-blocks/pom.xml"));
        assertTrue(blocks.contains("<artifactId>quarkus-smallrye-health</artifactId>"), "the probes' endpoints");
        assertTrue(blocks.contains("<artifactId>quarkus-micrometer-registry-prometheus</artifactId>"), "/q/metrics");
    }
}
