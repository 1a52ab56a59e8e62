package dev.anchor.system.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.anchor.system.chart.ChartChecks.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Helm chart under k8s/anchor, offline: lint, render with the default and the production-like values, parse every
 * object strictly with the fabric8 Kubernetes model, and check probes, resources, security contexts, secrets and
 * selectors. No cluster is needed (helm-java runs Helm in process).
 */
class HelmChartTest {

    private static final List<String> SERVICES = List.of("customer-service", "issue-service", "contact-service",
            "notification-service");

    /** The four event topics, the export parts and every consumer's dead-letter topic, as values.yaml lists them. */
    private static final List<String> TOPICS = List.of("customer.events", "issue.events", "contact.events",
            "notification.events", "export.parts", "customer-service.export.parts.dlq", "customer-service.issue.events.dlq",
            "issue-service.customer.events.dlq", "issue-service.contact.events.dlq",
            "issue-service.notification.events.dlq", "contact-service.customer.events.dlq",
            "contact-service.issue.events.dlq", "contact-service.notification.events.dlq",
            "notification-service.customer.events.dlq", "notification-service.issue.events.dlq",
            "notification-service.contact.events.dlq");

    private static List<HasMetadata> render(Map<String, String> sets, Path... valuesFiles) {
        return Chart.parse(Chart.template(List.of(valuesFiles), sets));
    }

    private static List<HasMetadata> defaults() {
        return render(Map.of());
    }

    private static List<HasMetadata> production() {
        return render(Map.of(), Chart.PRODUCTION_VALUES);
    }

    private static void assertPassesEveryCheck(List<HasMetadata> objects) {
        assertEquals(List.of(), ChartChecks.probesAndResources(objects), "probes and resources");
        assertEquals(List.of(), ChartChecks.securityContexts(objects), "security contexts");
        assertEquals(List.of(), ChartChecks.plainTextSecrets(objects), "no plain-text credentials");
        assertEquals(List.of(), ChartChecks.selectors(objects), "labels and selectors");
    }

    private static Map<String, Long> kinds(List<HasMetadata> objects) {
        return objects.stream().collect(Collectors.groupingBy(HasMetadata::getKind, Collectors.counting()));
    }

    private static void assertLintsClean(LintResult lint) {
        assertFalse(lint.isFailed(), "helm lint --strict: " + lint.getMessages());
        assertTrue(lint.getMessages().stream().noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]")),
                "helm lint --strict: " + lint.getMessages());
    }

    @Test
    void lintsStrictWithTheDefaultValues() {
        assertLintsClean(Chart.lint());
    }

    @Test
    void lintsStrictWithTheProductionValues() {
        assertLintsClean(Chart.lintWithValues(Chart.PRODUCTION_VALUES));
    }

    @Test
    void defaultValuesRenderEveryServiceWithItsObjectsAndPassTheChecks() {
        List<HasMetadata> objects = defaults();
        assertEquals(Map.of("Deployment", 4L, "Service", 4L, "ConfigMap", 4L, "ServiceAccount", 4L,
                "HorizontalPodAutoscaler", 4L, "PodDisruptionBudget", 4L, "NetworkPolicy", 4L), kinds(objects));
        assertEquals(SERVICES.stream().map(s -> "anchor-" + s).collect(Collectors.toSet()),
                of(objects, Deployment.class).stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        assertTrue(of(objects, Secret.class).isEmpty(), "defaults reference Secrets, they do not carry them");
        assertPassesEveryCheck(objects);
    }

    @Test
    void productionValuesRenderIngressMonitoringAndStrimziTopicsAndPassTheChecks() {
        List<HasMetadata> objects = production();
        Map<String, Long> kinds = kinds(objects);
        assertEquals(4L, kinds.get("Deployment"));
        assertEquals(4L, kinds.get("ServiceMonitor"));
        assertEquals((long) TOPICS.size(), kinds.get("KafkaTopic"));
        assertEquals(1L, kinds.get("Ingress"));
        assertNull(kinds.get("Secret"), "production references existing Secrets");
        assertPassesEveryCheck(objects);

        for (Deployment d : of(objects, Deployment.class)) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertTrue(c.getImage().startsWith("registry.example.com/anchor/") && c.getImage().endsWith(":0.1.0-native"),
                    c.getImage());
            assertNull(d.getSpec().getReplicas(), "the HPA owns the replica count");
            assertEquals(List.of("registry-example-com"),
                    d.getSpec().getTemplate().getSpec().getImagePullSecrets().stream().map(r -> r.getName()).toList());
            List<String> secrets = c.getEnvFrom().stream().filter(e -> e.getSecretRef() != null)
                    .map(e -> e.getSecretRef().getName()).toList();
            String service = d.getMetadata().getName().replace("anchor-", "").replace("-service", "");
            assertEquals(List.of("anchor-" + service + "-credentials", "anchor-kafka-client"), secrets);
            assertEquals("anchor-db-ca", d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals("db-ca")).findFirst().orElseThrow().getSecret().getSecretName());
        }
        for (ConfigMap config : of(objects, ConfigMap.class)) {
            assertTrue(config.getData().get("QUARKUS_DATASOURCE_JDBC_URL")
                    .contains("?sslmode=verify-full&sslrootcert=/etc/anchor/db-ca/ca.crt&connectTimeout=5"), config.getData().toString());
        }
        HorizontalPodAutoscaler issue = of(objects, HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getMetadata().getName().equals("anchor-issue-service")).findFirst().orElseThrow();
        assertEquals(16, issue.getSpec().getMaxReplicas(), "a per-service override wins over defaults");
        assertEquals(3, issue.getSpec().getMinReplicas());

        Ingress ingress = of(objects, Ingress.class).getFirst();
        Map<String, String> routes = new HashMap<>();
        ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path ->
                routes.put(rule.getHost() + path.getPath(), path.getBackend().getService().getName())));
        assertEquals("anchor-issue-service", routes.get("status.example.com/status"));
        assertEquals("anchor-customer-service", routes.get("api.anchor.example.com/customers"));
        assertEquals("anchor-contact-service", routes.get("api.anchor.example.com/customers/[^/]+/(contacts|timeline|summary)"));
        assertEquals(Set.of("api.anchor.example.com", "status.example.com"), ingress.getSpec().getTls().stream()
                .flatMap(t -> t.getHosts().stream()).collect(Collectors.toSet()));

        for (ServiceMonitor monitor : of(objects, ServiceMonitor.class)) {
            assertEquals("/q/metrics", monitor.getSpec().getEndpoints().getFirst().getPath());
            assertEquals("kube-prometheus-stack", monitor.getMetadata().getLabels().get("release"));
        }
        Set<String> topics = of(objects, GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("KafkaTopic"))
                .peek(r -> assertEquals("anchor-kafka", r.getMetadata().getLabels().get("strimzi.io/cluster")))
                .peek(r -> assertEquals("kafka", r.getMetadata().getNamespace()))
                .map(r -> (String) ((Map<?, ?>) r.getAdditionalProperties().get("spec")).get("topicName"))
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(TOPICS), topics);
    }

    @Test
    void eachServiceReadsItsSettingsFromItsConfigMapAndItsCredentialsFromASecret() {
        List<HasMetadata> objects = defaults();
        for (String service : SERVICES) {
            ConfigMap config = of(objects, ConfigMap.class).stream()
                    .filter(c -> c.getMetadata().getName().equals("anchor-" + service)).findFirst().orElseThrow();
            Map<String, String> env = config.getData();
            String database = "anchor_" + service.replace("-service", "");
            assertEquals("8080", env.get("QUARKUS_HTTP_PORT"));
            assertEquals("jdbc:postgresql://postgresql.database.svc.cluster.local:5432/" + database + "?sslmode=prefer",
                    env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals("kafka-bootstrap.kafka.svc.cluster.local:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
            assertEquals("https://anchor.local", env.get("MP_JWT_VERIFY_ISSUER"));
            assertEquals("file:/etc/anchor/jwt/publicKey.pem", env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
            assertEquals(service.equals("issue-service"), env.containsKey("ANCHOR_STATUS_PAGE_BASE_URL"), service);
            for (String notificationOnly : List.of("QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "ANCHOR_SMS_HTTP_URL")) {
                assertEquals(service.equals("notification-service"), env.containsKey(notificationOnly),
                        service + " " + notificationOnly);
            }
            assertFalse(env.containsKey("QUARKUS_DATASOURCE_PASSWORD"));

            Deployment deployment = of(objects, Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals("anchor-" + service)).findFirst().orElseThrow();
            Container c = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertEquals(List.of("anchor-" + service), c.getEnvFrom().stream().filter(e -> e.getSecretRef() != null)
                    .map(e -> e.getSecretRef().getName()).toList());
            assertEquals("anchor-jwt", deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals("jwt-key")).findFirst().orElseThrow().getSecret().getSecretName());
            assertEquals(Boolean.FALSE, deployment.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken());
        }
        for (ServiceAccount account : of(objects, ServiceAccount.class)) {
            assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken());
        }
    }

    @Test
    void networkPoliciesOpenOnlyWhatTheDesignNeeds() {
        List<HasMetadata> defaults = defaults();
        for (List<HasMetadata> objects : List.of(defaults, production())) {
            for (NetworkPolicy policy : of(objects, NetworkPolicy.class)) {
                String name = policy.getMetadata().getName();
                assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
                List<NetworkPolicyIngressRule> ingress = policy.getSpec().getIngress();
                // the API port for callers, and the management port (metrics) for Prometheus' namespace when it is named
                assertEquals(objects == defaults ? List.of("http") : List.of("http", "management"), ingress.stream()
                        .map(rule -> rule.getPorts().getFirst().getPort().getStrVal()).toList(), name);
                ingress.forEach(rule -> assertFalse(rule.getFrom().isEmpty(), name + ": ingress from anywhere"));
                Set<Integer> egressPorts = new TreeSet<>();
                for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                    assertFalse(rule.getPorts() == null || rule.getPorts().isEmpty(), name + ": egress on every port");
                    rule.getPorts().forEach(p -> egressPorts.add(p.getPort().getIntVal()));
                }
                boolean notification = name.endsWith("notification-service");
                Set<Integer> expected = new TreeSet<>(Set.of(53, 5432, kafkaPort(objects)));
                if (notification) {
                    expected.addAll(Set.of(587, 443));
                }
                assertEquals(expected, egressPorts, name);
            }
        }
        NetworkPolicy closed = of(render(Map.of("networkPolicy.ingress.from", "null")), NetworkPolicy.class).getFirst();
        assertTrue(closed.getSpec().getIngress().isEmpty(), "no configured peer means no ingress, never any peer");
    }

    private static int kafkaPort(List<HasMetadata> objects) {
        String bootstrap = of(objects, ConfigMap.class).getFirst().getData().get("KAFKA_BOOTSTRAP_SERVERS");
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    @Test
    void theImageVariantIsChosenByValue() {
        Deployment jvm = of(defaults(), Deployment.class).getFirst();
        Container jvmContainer = jvm.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertEquals("anchor/customer-service:0.1.0", jvmContainer.getImage());
        assertEquals(185L, jvm.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser());
        assertTrue(jvmContainer.getEnv().stream().anyMatch(e -> e.getName().equals("JAVA_OPTS_APPEND")));
        assertEquals("512Mi", jvmContainer.getResources().getLimits().get("memory").toString());

        Deployment nativeImage = of(render(Map.of("image.variant", "native", "image.tag", "1.2.3")), Deployment.class).getFirst();
        Container nativeContainer = nativeImage.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertEquals("anchor/customer-service:1.2.3-native", nativeContainer.getImage());
        assertEquals(1001L, nativeImage.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser());
        assertTrue(nativeContainer.getEnv().stream().noneMatch(e -> e.getName().equals("JAVA_OPTS_APPEND")));
        assertEquals("192Mi", nativeContainer.getResources().getLimits().get("memory").toString());
        assertEquals("native", nativeImage.getSpec().getTemplate().getMetadata().getLabels().get("anchor.dev/image-variant"));
    }

    @Test
    void autoscalingDisruptionBudgetsNetworkPoliciesAndServiceAccountsCanBeSwitchedOff() {
        List<HasMetadata> objects = render(Map.of("defaults.autoscaling.enabled", "false", "defaults.replicaCount", "3",
                "defaults.podDisruptionBudget.enabled", "false", "networkPolicy.enabled", "false",
                "serviceAccount.create", "false", "services.notification.enabled", "false"));
        assertEquals(Map.of("Deployment", 3L, "Service", 3L, "ConfigMap", 3L), kinds(objects));
        for (Deployment d : of(objects, Deployment.class)) {
            assertEquals(3, d.getSpec().getReplicas());
            assertEquals("default", d.getSpec().getTemplate().getSpec().getServiceAccountName());
        }
        assertPassesEveryCheck(objects);

        List<HasMetadata> oneOverride = render(Map.of("services.issue.autoscaling.enabled", "false",
                "services.issue.replicaCount", "1"));
        assertEquals(3, of(oneOverride, HorizontalPodAutoscaler.class).size());
        assertEquals(1, of(oneOverride, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("anchor-issue-service")).findFirst().orElseThrow()
                .getSpec().getReplicas());
    }

    @Test
    void kafkaTopicsComeFromAHookJobOrStrimziOrNobody() {
        List<HasMetadata> withHooks = Chart.parse(Chart.templateWithHooks(List.of(), Map.of()));
        assertPassesEveryCheck(withHooks);
        Job job = of(withHooks, Job.class).stream()
                .filter(j -> j.getMetadata().getName().equals("anchor-kafka-topics")).findFirst().orElseThrow();
        assertEquals("pre-install,pre-upgrade", job.getMetadata().getAnnotations().get(Chart.HOOK_ANNOTATION_PREFIX + "hook"));
        Container tools = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertEquals("apache/kafka:4.1.1", tools.getImage());
        String script = tools.getCommand().getLast();
        for (String topic : TOPICS) {
            assertTrue(script.contains("--create --if-not-exists --topic " + topic + " --partitions 6 --replication-factor 3"),
                    script);
        }
        assertTrue(script.contains("--config 'min.insync.replicas=2'"), script);
        assertTrue(of(defaults(), Job.class).isEmpty(), "the Job is a hook, not part of the release manifest");

        assertEquals(TOPICS.size(), render(Map.of("kafka.topics.mode", "strimzi")).stream()
                .filter(o -> o.getKind().equals("KafkaTopic")).count());
        List<HasMetadata> none = Chart.parse(Chart.templateWithHooks(List.of(), Map.of("kafka.topics.mode", "none")));
        assertTrue(of(none, Job.class).isEmpty());
        assertTrue(none.stream().noneMatch(o -> o.getKind().equals("KafkaTopic")));
    }

    @Test
    void migrationsRunInAHookJobWhenEnabledAndThePodsThenSkipThem() {
        List<HasMetadata> objects = Chart.parse(Chart.templateWithHooks(List.of(Chart.PRODUCTION_VALUES), Map.of()));
        assertPassesEveryCheck(objects);
        List<Job> migrations = of(objects, Job.class).stream()
                .filter(j -> j.getMetadata().getName().endsWith("-migrate")).toList();
        assertEquals(4, migrations.size());
        for (Job job : migrations) {
            assertEquals("pre-install,pre-upgrade", job.getMetadata().getAnnotations().get(Chart.HOOK_ANNOTATION_PREFIX + "hook"));
            Map<String, String> env = job.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                    .filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
            assertEquals("true", env.get("QUARKUS_INIT_AND_EXIT"));
            assertEquals("true", env.get("QUARKUS_FLYWAY_MIGRATE_AT_START"));
            assertTrue(env.get("QUARKUS_DATASOURCE_JDBC_URL").contains("sslmode=verify-full"));
        }
        for (ConfigMap config : of(objects, ConfigMap.class)) {
            assertEquals("false", config.getData().get("QUARKUS_FLYWAY_MIGRATE_AT_START"), config.getMetadata().getName());
        }
        for (ConfigMap config : of(defaults(), ConfigMap.class)) {
            assertNull(config.getData().get("QUARKUS_FLYWAY_MIGRATE_AT_START"), "by default Flyway migrates at start");
        }
        Exception refused = assertThrows(Exception.class, () -> render(Map.of("migration.job.enabled", "true",
                "services.contact.secret.create", "true", "services.contact.secret.stringData.QUARKUS_DATASOURCE_USERNAME", "u")));
        assertTrue(refused.getMessage().contains("services.contact.secret.create"), refused.getMessage());
    }

    @Test
    void anInlineJwtKeyGoesIntoAConfigMapAndIsRequired() {
        Map<String, String> inline = Map.of("jwt.publicKeySource", "inline",
                "jwt.publicKey", "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----");
        List<HasMetadata> objects = render(inline);
        ConfigMap key = of(objects, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("anchor-jwt")).findFirst().orElseThrow();
        assertTrue(key.getData().get("publicKey.pem").startsWith("-----BEGIN PUBLIC KEY-----"));
        PodSpec pod = of(objects, Deployment.class).getFirst().getSpec().getTemplate().getSpec();
        assertEquals("anchor-jwt", pod.getVolumes().stream().filter(v -> v.getName().equals("jwt-key"))
                .findFirst().orElseThrow().getConfigMap().getName());

        Exception missing = assertThrows(Exception.class, () -> render(Map.of("jwt.publicKeySource", "inline")));
        assertTrue(missing.getMessage().contains("jwt.publicKey is required"), missing.getMessage());

        List<HasMetadata> located = render(Map.of("jwt.publicKeySource", "location",
                "jwt.publicKeyLocation", "https://login.example.com/certs"));
        assertEquals("https://login.example.com/certs", of(located, ConfigMap.class).getFirst().getData()
                .get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertTrue(of(located, Deployment.class).getFirst().getSpec().getTemplate().getSpec().getVolumes().stream()
                .noneMatch(v -> v.getName().equals("jwt-key")));
    }

    @Test
    void contactServiceReadsTheMailboxOnlyWhenAHostIsGivenAndMayReachIt() throws Exception {
        for (ConfigMap config : of(defaults(), ConfigMap.class)) {
            assertNull(config.getData().get("ANCHOR_MAILBOX_HOST"), config.getMetadata().getName());
        }
        List<HasMetadata> objects = render(Map.of("contact.mailbox.host", "imap.example.com",
                "networkPolicy.egress.mailbox[0].ipBlock.cidr", "203.0.113.25/32"));
        Map<String, String> contact = of(objects, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().endsWith("contact-service")).findFirst().orElseThrow().getData();
        assertEquals("imap.example.com", contact.get("ANCHOR_MAILBOX_HOST"));
        assertEquals("993", contact.get("ANCHOR_MAILBOX_PORT"));
        assertEquals("true", contact.get("ANCHOR_MAILBOX_SSL"));
        // each variable overrides a setting of contact-service's MailboxSettings (anchor.mailbox.*)
        String settings = Files.readString(Chart.ROOT.resolve(
                "contact-service/src/main/java/dev/anchor/contact/mailbox/MailboxSettings.java"));
        List<String> variables = contact.keySet().stream().filter(v -> v.startsWith("ANCHOR_MAILBOX_")).sorted().toList();
        assertEquals(6, variables.size(), variables.toString());
        for (String variable : variables) {
            String[] words = variable.substring("ANCHOR_MAILBOX_".length()).toLowerCase(java.util.Locale.ROOT).split("_");
            StringBuilder method = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                method.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            assertTrue(settings.contains(" " + method + "();"), variable + " overrides no MailboxSettings." + method);
        }
        for (NetworkPolicy policy : of(objects, NetworkPolicy.class)) {
            boolean contactService = policy.getMetadata().getName().endsWith("contact-service");
            List<NetworkPolicyEgressRule> imap = policy.getSpec().getEgress().stream()
                    .filter(rule -> rule.getPorts().getFirst().getPort().getIntVal() == 993).toList();
            assertEquals(contactService ? 1 : 0, imap.size(), policy.getMetadata().getName());
            if (contactService) {
                assertEquals("203.0.113.25/32", imap.getFirst().getTo().getFirst().getIpBlock().getCidr());
            }
        }
    }

    @Test
    void tracingIsOffUnlessAnOtlpEndpointIsGiven() {
        for (ConfigMap config : of(defaults(), ConfigMap.class)) {
            assertNull(config.getData().get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"), config.getMetadata().getName());
        }
        List<ConfigMap> traced = of(render(Map.of("tracing.otlpEndpoint", "http://otel-collector.observability:4317")),
                ConfigMap.class);
        assertEquals(4, traced.size());
        for (ConfigMap config : traced) {
            assertEquals("false", config.getData().get("QUARKUS_OTEL_SDK_DISABLED"), config.getMetadata().getName());
            assertEquals("http://otel-collector.observability:4317", config.getData().get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
    }

    @Test
    void theReadmeDocumentsEveryValue() throws Exception {
        String readme = Files.readString(Chart.CHART.resolve("README.md"));
        JsonNode values = new YAMLMapper().readTree(Chart.CHART.resolve("values.yaml").toFile());
        List<String> paths = new ArrayList<>();
        leaves(values, "", paths);
        assertTrue(paths.size() > 100, "values walked: " + paths);
        List<String> undocumented = paths.stream()
                .map(p -> p.replaceFirst("^services\\.(customer|issue|contact|notification)\\.", "services.<svc>."))
                .distinct()
                .filter(p -> !readme.contains("| `" + p + "` |"))
                .toList();
        assertEquals(List.of(), undocumented, "values missing from the table in k8s/anchor/README.md");
    }

    private static void leaves(JsonNode node, String path, List<String> paths) {
        boolean dataMap = path.endsWith(".config") || path.endsWith(".stringData");
        if (node.isObject() && !node.isEmpty() && !dataMap) {
            node.properties().forEach(e -> leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), paths));
        } else {
            paths.add(path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid-variant.yaml", "invalid-type.yaml", "invalid-unknown-key.yaml", "invalid-port.yaml",
            "invalid-topics-mode.yaml", "invalid-service-name.yaml"})
    void aValuesFileThatBreaksTheSchemaIsRefused(String file) {
        Path values = Chart.ROOT.resolve("system-tests/src/test/resources/chart/" + file);
        Exception refused = assertThrows(Exception.class, () -> Chart.template(List.of(values), Map.of()));
        assertTrue(refused.getMessage().contains("schema"), refused.getMessage());
    }

    // The checks themselves: each must catch what it is there for.

    @Test
    void strictParsingRejectsAFieldTheKubernetesModelDoesNotKnow() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  replica: 2
                  selector:
                    matchLabels: {app: typo}
                  template:
                    metadata:
                      labels: {app: typo}
                    spec:
                      containers:
                        - name: app
                          image: app
                          livenesProbe: {}
                """;
        Chart.UnknownFieldException unknown = assertThrows(Chart.UnknownFieldException.class, () -> Chart.parse(deployment));
        assertTrue(unknown.getMessage().contains("replica") && unknown.getMessage().contains("livenesProbe"),
                unknown.getMessage());
        assertThrows(Chart.UnknownFieldException.class, () -> Chart.parse("apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: x}\n"));
        assertThrows(Chart.UnknownFieldException.class, () -> Chart.parse("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 1, replica: 3}
                """));
        assertEquals(1, Chart.parse(deployment.replace("  replica: 2\n", "  replicas: 2\n").replace("livenesProbe", "livenessProbe")).size());
    }

    @Test
    void theSecretCheckCatchesACredentialInPlainText() {
        List<HasMetadata> objects = render(Map.of("services.contact.secret.create", "true",
                "services.contact.secret.stringData.QUARKUS_DATASOURCE_PASSWORD", "hunter2"));
        assertEquals(1, of(objects, Secret.class).size());
        assertEquals(List.of("Secret/anchor-contact-service: carries stringData [QUARKUS_DATASOURCE_PASSWORD]"),
                ChartChecks.plainTextSecrets(objects));

        List<HasMetadata> literal = render(Map.of("defaults.extraEnv[0].name", "QUARKUS_MAILER_PASSWORD",
                "defaults.extraEnv[0].value", "hunter2"));
        assertEquals(4, ChartChecks.plainTextSecrets(literal).size(), ChartChecks.plainTextSecrets(literal).toString());
    }

    @Test
    void aChartMadeNotificationSecretNeedsARealCallbackSecret() {
        String secret = "services.notification.secret.";
        String link = secret + "stringData.ANCHOR_LINK_SECRET";
        for (Map<String, String> without : List.of(
                Map.of(secret + "create", "true", secret + "stringData.QUARKUS_DATASOURCE_PASSWORD", "p", link, LINK_KEY),
                Map.of(secret + "create", "true", secret + "stringData.ANCHOR_CALLBACK_SECRET", "local-callback-secret-change-me",
                        link, LINK_KEY))) {
            Exception refused = assertThrows(Exception.class, () -> render(without), without.toString());
            assertTrue(refused.getMessage().contains("services.notification.secret.stringData.ANCHOR_CALLBACK_SECRET must hold"),
                    refused.getMessage());
        }
        List<HasMetadata> objects = render(Map.of(secret + "create", "true",
                secret + "stringData.ANCHOR_CALLBACK_SECRET", "9f2c4e1a7b3d5f60812a4c6e8b0d2f4a", link, LINK_KEY));
        assertEquals(List.of("anchor-notification-service"),
                of(objects, Secret.class).stream().map(s -> s.getMetadata().getName()).toList());
    }

    private static final String LINK_KEY = "4b1d9e0c2a7f6e5d3c8b9a0f1e2d3c4b";

    @Test
    void chartMadeCustomerAndNotificationSecretsNeedOneRealLinkSecret() {
        String customer = "services.customer.secret.";
        String notification = "services.notification.secret.";
        Map<String, String> both = Map.of(customer + "create", "true", customer + "stringData.ANCHOR_LINK_SECRET", LINK_KEY,
                notification + "create", "true", notification + "stringData.ANCHOR_CALLBACK_SECRET", "9f2c4e1a7b3d5f60812a4c6e8b0d2f4a",
                notification + "stringData.ANCHOR_LINK_SECRET", LINK_KEY);
        assertEquals(2, of(render(both), Secret.class).size());

        Exception missing = assertThrows(Exception.class, () -> render(Map.of(customer + "create", "true",
                customer + "stringData.QUARKUS_DATASOURCE_PASSWORD", "p")));
        assertTrue(missing.getMessage().contains("services.customer.secret.stringData.ANCHOR_LINK_SECRET must hold"), missing.getMessage());
        Exception placeholder = assertThrows(Exception.class, () -> render(Map.of(customer + "create", "true",
                customer + "stringData.ANCHOR_LINK_SECRET", "local-link-secret-change-me")));
        assertTrue(placeholder.getMessage().contains("not a development default"), placeholder.getMessage());
        Map<String, String> differing = new java.util.HashMap<>(both);
        differing.put(notification + "stringData.ANCHOR_LINK_SECRET", LINK_KEY.replace('4', '5'));
        Exception apart = assertThrows(Exception.class, () -> render(differing));
        assertTrue(apart.getMessage().contains("ANCHOR_LINK_SECRET must be the same key"), apart.getMessage());
    }

    @Test
    void theProbeResourceSecurityAndSelectorChecksCatchWhatTheyAreFor() {
        List<HasMetadata> objects = defaults();
        Deployment customer = of(objects, Deployment.class).getFirst();
        Container container = customer.getSpec().getTemplate().getSpec().getContainers().getFirst();

        container.setReadinessProbe(null);
        container.getResources().setLimits(null);
        assertEquals(List.of("Deployment/anchor-customer-service container customer-service: no readinessProbe",
                        "Deployment/anchor-customer-service container customer-service: no cpu in resources.limits",
                        "Deployment/anchor-customer-service container customer-service: no memory in resources.limits"),
                ChartChecks.probesAndResources(objects));

        container.getSecurityContext().setRunAsNonRoot(null);
        customer.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsNonRoot(false);
        container.getSecurityContext().setRunAsUser(0L);
        assertEquals(List.of("Deployment/anchor-customer-service container customer-service: may run as root (runAsNonRoot is not true)",
                        "Deployment/anchor-customer-service container customer-service: runs as uid 0"),
                ChartChecks.securityContexts(objects));

        Service service = of(objects, Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals("anchor-customer-service")).findFirst().orElseThrow();
        service.getSpec().getSelector().put("app.kubernetes.io/component", "customer");
        PodDisruptionBudget pdb = of(objects, PodDisruptionBudget.class).getFirst();
        pdb.getSpec().getSelector().getMatchLabels().remove("app.kubernetes.io/component");
        NetworkPolicy policy = of(objects, NetworkPolicy.class).getFirst();
        policy.getSpec().getPodSelector().setMatchLabels(new HashMap<>(Map.of("app", "customer")));
        List<String> violations = ChartChecks.selectors(objects);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("Service/anchor-customer-service: selector")
                && v.endsWith("selects the pods of 0 Deployments")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("PodDisruptionBudget/") && v.endsWith("selects the pods of 4 Deployments")),
                violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("NetworkPolicy/") && v.endsWith("0 Deployments")),
                violations.toString());
        assertTrue(violations.contains("Deployment/anchor-customer-service: selected by 0 Service objects, expected 1"),
                violations.toString());
        assertTrue(violations.contains("Deployment/anchor-issue-service: selected by 2 PodDisruptionBudget objects, expected 1"),
                violations.toString());

        Deployment issue = of(objects, Deployment.class).get(1);
        issue.getSpec().getTemplate().getMetadata().getLabels().remove("app.kubernetes.io/component");
        assertTrue(ChartChecks.selectors(objects).stream().anyMatch(v -> v.startsWith("Deployment/anchor-issue-service: selector")),
                "a Deployment whose selector misses its own pods");
    }
}
