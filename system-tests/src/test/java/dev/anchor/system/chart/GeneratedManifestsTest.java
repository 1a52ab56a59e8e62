package dev.anchor.system.chart;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service states its Kubernetes facts in its own configuration (the "Kubernetes facts" block of its
 * application.properties) and quarkus-kubernetes generates them at package into
 * {@code <service>/target/kubernetes/kubernetes.yml}: container port, probes, resources, the environment it reads and
 * where each variable comes from. The chart deploys the services; these fail when what it renders for a service
 * disagrees with what that service generated. The root pom builds the services before system-tests, so a full
 * {@code ./mvnw verify} always compares fresh manifests; a missing or stale one fails with how to build it.
 */
class GeneratedManifestsTest {

    private static final String CUSTOMER = "customer-service";

    private static List<HasMetadata> chart;
    private static Map<String, Set<String>> secretKeys;

    @BeforeAll
    static void render() {
        // the default values, with the optional ServiceMonitors on so they can be compared too
        chart = Chart.parse(Chart.template(List.of(), Map.of("serviceMonitor.enabled", "true")));
        secretKeys = GeneratedManifests.documentedSecretKeys();
    }

    private static String chartName(String service) {
        return Chart.RELEASE + "-" + service;
    }

    private static List<String> disagreements(String service, List<HasMetadata> generated) {
        return GeneratedManifests.disagreements(service, chartName(service), generated, chart, secretKeys);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-service", "issue-service", "contact-service", "notification-service"})
    void theChartDeploysWhatTheServiceGenerates(String service) {
        List<HasMetadata> generated = GeneratedManifests.load(service);
        assertEquals(List.of(), disagreements(service, generated),
                "k8s/anchor disagrees with " + GeneratedManifests.file(service) + " (generated from " + service
                        + "'s application.properties, the source of these facts)");
        Container container = GeneratedManifests.named(generated, Deployment.class, service).orElseThrow()
                .getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertTrue(container.getEnv().size() >= 8, "the service declares its environment: " + container.getEnv());
        assertTrue(container.getStartupProbe() != null && container.getLivenessProbe() != null
                && container.getReadinessProbe() != null, "probes generated");
        assertTrue(container.getResources().getLimits().containsKey("memory"), "resources generated");
    }

    @Test
    void theChartStatesTheKeysOfEachServicesSecret() {
        assertEquals(Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "ANCHOR_LINK_SECRET"),
                secretKeys.get("anchor-customer-service"));
        assertEquals(Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_MAILER_USERNAME",
                "QUARKUS_MAILER_PASSWORD", "ANCHOR_CALLBACK_SECRET", "ANCHOR_LINK_SECRET"),
                secretKeys.get("anchor-notification-service"));
    }

    @Test
    void aMissingManifestFailsWithHowToBuildIt() {
        AssertionError missing = assertThrows(AssertionError.class, () -> GeneratedManifests.load("no-such-service"));
        assertTrue(missing.getMessage().contains("no-such-service/target/kubernetes/kubernetes.yml is missing"),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("./mvnw -B package -DskipTests -pl no-such-service -am"),
                missing.getMessage());
    }

    /** Each kind of disagreement, made on a fresh copy of customer-service's manifest, is reported. */
    @Test
    void everyKindOfDisagreementIsCaught() {
        List<String> missed = new ArrayList<>();
        expect("container port", "no container port http 8081/TCP", container(c -> c.getPorts().stream().filter(p -> p.getName().equals("http")).findFirst().orElseThrow().setContainerPort(8081)), missed);
        expect("probe path", "readinessProbe path is /q/health/ready, the service says /q/health",
                container(c -> c.getReadinessProbe().getHttpGet().setPath("/q/health")), missed);
        expect("probe threshold", "startupProbe failureThreshold is 36, the service says 30",
                container(c -> c.getStartupProbe().setFailureThreshold(30)), missed);
        expect("probe period", "livenessProbe periodSeconds is 10, the service says 30",
                container(c -> c.getLivenessProbe().setPeriodSeconds(30)), missed);
        expect("resources", "resources.limits.memory is 512Mi, the service says 768Mi",
                container(c -> c.getResources().getLimits().put("memory", new Quantity("768Mi"))), missed);
        expect("a variable the chart does not set", "does not set ANCHOR_SOMETHING_NEW",
                container(c -> c.getEnv().add(new EnvVar("ANCHOR_SOMETHING_NEW", "1", null))), missed);
        expect("a value", "QUARKUS_HTTP_PORT is a ConfigMap anchor-customer-service (\"8080\"), the service says \"8081\"",
                env("QUARKUS_HTTP_PORT", v -> v.setValue("8081")), missed);
        expect("a credential outside a Secret", "KAFKA_BOOTSTRAP_SERVERS is a credential the service takes from a Secret",
                env("KAFKA_BOOTSTRAP_SERVERS", v -> v.setValueFrom(new EnvVarBuilder().withNewValueFrom()
                        .withNewSecretKeyRef("KAFKA_BOOTSTRAP_SERVERS", CUSTOMER, null).endValueFrom().build().getValueFrom())),
                missed);
        expect("a Secret's key from a ConfigMap", "QUARKUS_DATASOURCE_PASSWORD is a setting the service takes from a ConfigMap",
                env("QUARKUS_DATASOURCE_PASSWORD", v -> v.setValueFrom(new EnvVarBuilder().withNewValueFrom()
                        .withNewConfigMapKeyRef("QUARKUS_DATASOURCE_PASSWORD", CUSTOMER, null).endValueFrom().build()
                        .getValueFrom())), missed);
        expect("a variable the service no longer declares", "sets MP_JWT_VERIFY_ISSUER from a ConfigMap",
                container(c -> c.getEnv().removeIf(v -> v.getName().equals("MP_JWT_VERIFY_ISSUER"))), missed);
        expect("a Secret key the service no longer declares", "sets QUARKUS_DATASOURCE_USERNAME from a Secret",
                container(c -> c.getEnv().removeIf(v -> v.getName().equals("QUARKUS_DATASOURCE_USERNAME"))), missed);
        expect("the image", "image repository anchor/customer-service, the service builds other/customer-service",
                container(c -> c.setImage("other/customer-service:1")), missed);
        expect("an init container", "generates init containers",
                objects -> deployment(objects).getSpec().getTemplate().getSpec().setInitContainers(List.of(
                        new ContainerBuilder().withName("wait-for-flyway").withImage("wait-for:1").build())), missed);
        expect("a migration Job", "generates Job/customer-service-flyway-init",
                objects -> objects.add(new JobBuilder().withNewMetadata().withName("customer-service-flyway-init")
                        .endMetadata().build()), missed);
        expect("the Service's port", "Service anchor-customer-service: port http is 80, the service says 8080",
                objects -> GeneratedManifests.named(objects, Service.class, CUSTOMER).orElseThrow().getSpec().getPorts()
                        .getFirst().setPort(8080), missed);
        expect("the metrics path", "ServiceMonitor anchor-customer-service: scrapes no http /metrics on container port 9000",
                objects -> GeneratedManifests.named(objects, ServiceMonitor.class, CUSTOMER).orElseThrow().getSpec()
                        .getEndpoints().getFirst().setPath("/metrics"), missed);
        assertEquals(List.of(), missed);
    }

    private void expect(String what, String violation, Consumer<List<HasMetadata>> change, List<String> missed) {
        List<HasMetadata> generated = new ArrayList<>(GeneratedManifests.load(CUSTOMER));
        assertEquals(List.of(), disagreements(CUSTOMER, generated), "unchanged, customer-service agrees");
        change.accept(generated);
        List<String> found = disagreements(CUSTOMER, generated);
        if (found.stream().noneMatch(v -> v.contains(violation))) {
            missed.add(what + ": expected \"" + violation + "\", found " + found);
        }
    }

    private static Deployment deployment(List<HasMetadata> objects) {
        return GeneratedManifests.named(objects, Deployment.class, CUSTOMER).orElseThrow();
    }

    private static Consumer<List<HasMetadata>> container(Consumer<Container> change) {
        return objects -> change.accept(deployment(objects).getSpec().getTemplate().getSpec().getContainers().getFirst());
    }

    private static Consumer<List<HasMetadata>> env(String name, Consumer<EnvVar> change) {
        return container(c -> change.accept(c.getEnv().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(CUSTOMER + " declares no " + name))));
    }
}
