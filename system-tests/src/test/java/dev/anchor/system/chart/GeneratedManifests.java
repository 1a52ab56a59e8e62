package dev.anchor.system.chart;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes facts each service generates from its own configuration (quarkus-kubernetes writes
 * {@code <service>/target/kubernetes/kubernetes.yml} at package), and the comparison with what the chart renders for
 * that service. Like {@link ChartChecks}, the comparison returns every disagreement it finds, so a test can show them
 * all and can prove that each kind of disagreement is caught.
 */
public final class GeneratedManifests {

    /** Kinds a service may generate: nothing the chart would have to replace (no migration Job, Role, init container). */
    static final Set<String> GENERATED_KINDS = Set.of("Deployment", "Service", "ServiceMonitor");

    /** Environment only the chart sets: the JVM variant's options. */
    static final Set<String> CHART_ONLY_ENV = Set.of("JAVA_OPTS_APPEND");

    private static final Pattern SECRET_ROW = Pattern.compile("^\\| ((?:optional, )?`[^|]+) \\| ([^|]+) \\|$", Pattern.MULTILINE);
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private GeneratedManifests() {
    }

    /** Where the service's build writes its manifest. */
    public static Path file(String service) {
        return Chart.ROOT.resolve(service + "/target/kubernetes/kubernetes.yml");
    }

    /**
     * The manifest the service generated, parsed strictly. Missing or older than the configuration it is generated
     * from: an error that says how to build it (the reactor packages the services before system-tests).
     */
    public static List<HasMetadata> load(String service) {
        Path file = file(service);
        String build = "build it first: ./mvnw -B package -DskipTests -pl " + service + " -am "
                + "(a full ./mvnw verify packages every service before system-tests)";
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(Chart.ROOT.relativize(file) + " is missing: " + service
                    + " generates it with quarkus-kubernetes at package; " + build);
        }
        try {
            Path properties = Chart.ROOT.resolve(service + "/src/main/resources/application.properties");
            if (Files.getLastModifiedTime(properties).compareTo(Files.getLastModifiedTime(file)) > 0) {
                throw new AssertionError(Chart.ROOT.relativize(file) + " is older than " + Chart.ROOT.relativize(properties)
                        + ", so it may not say what the service's configuration says now; " + build);
            }
            return Chart.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The keys k8s/anchor/README.md ("Before installing: Secrets") says each Secret holds: Secret name → keys. The chart
     * references existing Secrets by envFrom and cannot know their keys; its README is where it states them.
     */
    public static Map<String, Set<String>> documentedSecretKeys() {
        String readme;
        try {
            readme = Files.readString(Chart.CHART.resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = readme.indexOf("## Before installing: Secrets");
        int end = readme.indexOf("\n## ", start + 1);
        if (start < 0) {
            throw new AssertionError("k8s/anchor/README.md has no section \"Before installing: Secrets\"");
        }
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        Matcher row = SECRET_ROW.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        while (row.find()) {
            Set<String> variables = new LinkedHashSet<>();
            Matcher key = BACKTICKED.matcher(row.group(2));
            while (key.find()) {
                if (VARIABLE.matcher(key.group(1)).matches()) {
                    variables.add(key.group(1));
                }
            }
            Matcher name = BACKTICKED.matcher(row.group(1));
            while (name.find()) {
                keys.computeIfAbsent(name.group(1), n -> new LinkedHashSet<>()).addAll(variables);
            }
        }
        return keys;
    }

    /** Where the chart's container gets one environment variable from. */
    record Source(String kind, String value, String from) {
        static final String LITERAL = "a literal", FIELD = "the pod's field", CONFIG_MAP = "a ConfigMap",
                SECRET = "a Secret", OTHER = "elsewhere";
    }

    /**
     * Every disagreement between what {@code service} generated and what the chart rendered for it ({@code chartName},
     * e.g. anchor-customer-service): the workload's kinds, image repository, container ports, probes, resources, the
     * environment both ways (every variable the service declares is set by the chart from the same kind of source, every
     * variable the chart sets is one the service declares), the Service's ports and the ServiceMonitor's endpoints.
     */
    public static List<String> disagreements(String service, String chartName, List<HasMetadata> generated,
                                             List<HasMetadata> chart, Map<String, Set<String>> secretKeys) {
        List<String> violations = new ArrayList<>();
        for (HasMetadata object : generated) {
            if (!GENERATED_KINDS.contains(object.getKind())) {
                violations.add(service + " generates " + ChartChecks.id(object)
                        + ": the chart has no counterpart (migrations run at start or in its hook Job)");
            }
        }
        Optional<Deployment> ownDeployment = named(generated, Deployment.class, service);
        Optional<Deployment> chartDeployment = named(chart, Deployment.class, chartName);
        if (ownDeployment.isEmpty() || chartDeployment.isEmpty()) {
            violations.add(ownDeployment.isEmpty() ? service + " generates no Deployment " + service
                    : "the chart renders no Deployment " + chartName);
            return violations;
        }
        String where = "Deployment " + chartName;
        if (ownDeployment.get().getSpec().getTemplate().getSpec().getInitContainers() != null
                && !ownDeployment.get().getSpec().getTemplate().getSpec().getInitContainers().isEmpty()) {
            violations.add(service + " generates init containers the chart does not run");
        }
        Container own = container(ownDeployment.get(), service);
        Container deployed = container(chartDeployment.get(), service);
        if (own == null || deployed == null) {
            violations.add((own == null ? service + " generates" : where + " has") + " no container " + service);
            return violations;
        }
        image(where, own, deployed, violations);
        ports(where, own, deployed, violations);
        probe(where, "startupProbe", own, deployed, Container::getStartupProbe, violations);
        probe(where, "livenessProbe", own, deployed, Container::getLivenessProbe, violations);
        probe(where, "readinessProbe", own, deployed, Container::getReadinessProbe, violations);
        resources(where, own.getResources(), deployed.getResources(), violations);
        environment(where, own, deployed, chart, secretKeys, violations);
        service(service, chartName, generated, chart, own, deployed, violations);
        serviceMonitor(service, chartName, generated, chart, own, deployed, violations);
        return violations;
    }

    private static void image(String where, Container own, Container deployed, List<String> violations) {
        String generated = repository(own.getImage());
        String chart = repository(deployed.getImage());
        boolean same = generated.equals(chart)
                || generated.endsWith("/" + chart) && generated.substring(0, generated.length() - chart.length() - 1).contains(".");
        if (!same) {
            violations.add(where + ": image repository " + chart + ", the service builds " + generated);
        }
    }

    /** The image reference without its tag or digest. */
    static String repository(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(0, colon) : name;
    }

    private static void ports(String where, Container own, Container deployed, List<String> violations) {
        for (ContainerPort port : list(own.getPorts())) {
            boolean found = list(deployed.getPorts()).stream().anyMatch(p -> Objects.equals(p.getName(), port.getName())
                    && Objects.equals(p.getContainerPort(), port.getContainerPort())
                    && protocol(p.getProtocol()).equals(protocol(port.getProtocol())));
            if (!found) {
                violations.add(where + ": no container port " + port.getName() + " " + port.getContainerPort() + "/"
                        + protocol(port.getProtocol()) + " (has " + list(deployed.getPorts()).stream()
                        .map(p -> p.getName() + " " + p.getContainerPort() + "/" + protocol(p.getProtocol())).toList() + ")");
            }
        }
    }

    private static String protocol(String protocol) {
        return protocol == null ? "TCP" : protocol;
    }

    private static void probe(String where, String name, Container own, Container deployed,
                              Function<Container, Probe> probeOf, List<String> violations) {
        Probe generated = probeOf.apply(own);
        if (generated == null) {
            return;
        }
        Probe chart = probeOf.apply(deployed);
        if (chart == null) {
            violations.add(where + ": no " + name);
            return;
        }
        HTTPGetAction ownGet = generated.getHttpGet();
        HTTPGetAction chartGet = chart.getHttpGet();
        if (ownGet != null) {
            if (chartGet == null) {
                violations.add(where + ": " + name + " is not an HTTP GET");
            } else {
                same(violations, where, name + " path", ownGet.getPath(), chartGet.getPath());
                same(violations, where, name + " port", port(ownGet.getPort(), own), port(chartGet.getPort(), deployed));
                same(violations, where, name + " scheme", or(ownGet.getScheme(), "HTTP"), or(chartGet.getScheme(), "HTTP"));
            }
        }
        // Unset fields are Kubernetes' defaults.
        same(violations, where, name + " initialDelaySeconds", or(generated.getInitialDelaySeconds(), 0), or(chart.getInitialDelaySeconds(), 0));
        same(violations, where, name + " periodSeconds", or(generated.getPeriodSeconds(), 10), or(chart.getPeriodSeconds(), 10));
        same(violations, where, name + " timeoutSeconds", or(generated.getTimeoutSeconds(), 1), or(chart.getTimeoutSeconds(), 1));
        same(violations, where, name + " failureThreshold", or(generated.getFailureThreshold(), 3), or(chart.getFailureThreshold(), 3));
        same(violations, where, name + " successThreshold", or(generated.getSuccessThreshold(), 1), or(chart.getSuccessThreshold(), 1));
    }

    /** A port given by number or by the name of one of the container's ports, as a number. */
    private static Integer port(IntOrString port, Container container) {
        if (port == null) {
            return null;
        }
        if (port.getStrVal() == null) {
            return port.getIntVal();
        }
        return list(container.getPorts()).stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    private static void resources(String where, ResourceRequirements own, ResourceRequirements deployed,
                                  List<String> violations) {
        ResourceRequirements chart = deployed == null ? new ResourceRequirements() : deployed;
        ResourceRequirements generated = own == null ? new ResourceRequirements() : own;
        amounts(where, "requests", generated.getRequests(), chart.getRequests(), violations);
        amounts(where, "limits", generated.getLimits(), chart.getLimits(), violations);
    }

    private static void amounts(String where, String kind, Map<String, Quantity> own, Map<String, Quantity> chart,
                                List<String> violations) {
        Set<String> names = new TreeSet<>(own == null ? Set.of() : own.keySet());
        names.addAll(chart == null ? Set.of() : chart.keySet());
        for (String name : names) {
            Quantity generated = own == null ? null : own.get(name);
            Quantity deployed = chart == null ? null : chart.get(name);
            boolean same = generated != null && deployed != null
                    && Quantity.getAmountInBytes(generated).compareTo(Quantity.getAmountInBytes(deployed)) == 0;
            if (!same) {
                violations.add(where + ": resources." + kind + "." + name + " is " + deployed + ", the service says "
                        + generated);
            }
        }
    }

    private static void environment(String where, Container own, Container deployed, List<HasMetadata> chart,
                                    Map<String, Set<String>> secretKeys, List<String> violations) {
        Map<String, Source> provided = provided(deployed, chart, secretKeys);
        Set<String> declared = new LinkedHashSet<>();
        for (EnvVar variable : list(own.getEnv())) {
            String name = variable.getName();
            declared.add(name);
            Source source = provided.get(name);
            EnvVarSource from = variable.getValueFrom();
            if (source == null) {
                violations.add(where + ": does not set " + name + ", which the service reads");
            } else if (from == null) {
                if (!List.of(Source.LITERAL, Source.CONFIG_MAP).contains(source.kind())
                        || !Objects.equals(source.value(), or(variable.getValue(), ""))) {
                    violations.add(where + ": " + name + " is " + describe(source) + ", the service says \""
                            + variable.getValue() + "\"");
                }
            } else if (from.getFieldRef() != null) {
                if (!source.kind().equals(Source.FIELD) || !Objects.equals(source.value(), from.getFieldRef().getFieldPath())) {
                    violations.add(where + ": " + name + " is " + describe(source) + ", the service wants the field "
                            + from.getFieldRef().getFieldPath());
                }
            } else if (from.getSecretKeyRef() != null) {
                if (!source.kind().equals(Source.SECRET)) {
                    violations.add(where + ": " + name + " is a credential the service takes from a Secret, the chart "
                            + "sets it from " + describe(source));
                }
            } else if (from.getConfigMapKeyRef() != null) {
                if (!List.of(Source.LITERAL, Source.CONFIG_MAP).contains(source.kind())) {
                    violations.add(where + ": " + name + " is a setting the service takes from a ConfigMap, the chart "
                            + "sets it from " + describe(source));
                }
            }
        }
        provided.forEach((name, source) -> {
            if (!declared.contains(name) && !CHART_ONLY_ENV.contains(name)) {
                violations.add(where + ": sets " + name + " from " + describe(source)
                        + ", which the service's generated manifest does not declare");
            }
        });
    }

    private static String describe(Source source) {
        return source.kind() + (source.from() == null ? "" : " " + source.from())
                + (source.value() == null ? "" : " (\"" + source.value() + "\")");
    }

    /** Name → source of every variable the chart's container gets: env over envFrom, as Kubernetes resolves them. */
    static Map<String, Source> provided(Container deployed, List<HasMetadata> chart, Map<String, Set<String>> secretKeys) {
        Map<String, Source> provided = new LinkedHashMap<>();
        for (EnvFromSource from : list(deployed.getEnvFrom())) {
            String prefix = or(from.getPrefix(), "");
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                named(chart, ConfigMap.class, name).ifPresent(map -> Optional.ofNullable(map.getData()).orElse(Map.of())
                        .forEach((key, value) -> provided.put(prefix + key, new Source(Source.CONFIG_MAP, value, name))));
            }
            if (from.getSecretRef() != null) {
                String name = from.getSecretRef().getName();
                Set<String> keys = new LinkedHashSet<>(secretKeys.getOrDefault(name, Set.of()));
                named(chart, Secret.class, name).ifPresent(secret -> {
                    keys.addAll(Optional.ofNullable(secret.getData()).orElse(Map.of()).keySet());
                    keys.addAll(Optional.ofNullable(secret.getStringData()).orElse(Map.of()).keySet());
                });
                keys.forEach(key -> provided.put(prefix + key, new Source(Source.SECRET, null, name)));
            }
        }
        for (EnvVar variable : list(deployed.getEnv())) {
            EnvVarSource from = variable.getValueFrom();
            Source source;
            if (from == null) {
                source = new Source(Source.LITERAL, or(variable.getValue(), ""), null);
            } else if (from.getFieldRef() != null) {
                source = new Source(Source.FIELD, from.getFieldRef().getFieldPath(), null);
            } else if (from.getSecretKeyRef() != null) {
                source = new Source(Source.SECRET, null, from.getSecretKeyRef().getName());
            } else if (from.getConfigMapKeyRef() != null) {
                String name = from.getConfigMapKeyRef().getName();
                String value = named(chart, ConfigMap.class, name).map(ConfigMap::getData)
                        .map(data -> data.get(from.getConfigMapKeyRef().getKey())).orElse(null);
                source = new Source(Source.CONFIG_MAP, value, name);
            } else {
                source = new Source(Source.OTHER, null, null);
            }
            provided.put(variable.getName(), source);
        }
        return provided;
    }

    private static void service(String service, String chartName, List<HasMetadata> generated, List<HasMetadata> chart,
                                Container own, Container deployed, List<String> violations) {
        Optional<Service> ownService = named(generated, Service.class, service);
        if (ownService.isEmpty()) {
            return;
        }
        Optional<Service> chartService = named(chart, Service.class, chartName);
        String where = "Service " + chartName;
        if (chartService.isEmpty()) {
            violations.add("the chart renders no " + where);
            return;
        }
        same(violations, where, "type", or(ownService.get().getSpec().getType(), "ClusterIP"),
                or(chartService.get().getSpec().getType(), "ClusterIP"));
        for (ServicePort port : list(ownService.get().getSpec().getPorts())) {
            Optional<ServicePort> match = list(chartService.get().getSpec().getPorts()).stream()
                    .filter(p -> Objects.equals(p.getName(), port.getName())).findFirst();
            if (match.isEmpty()) {
                violations.add(where + ": no port " + port.getName());
                continue;
            }
            same(violations, where, "port " + port.getName(), port.getPort(), match.get().getPort());
            same(violations, where, "port " + port.getName() + " protocol", protocol(port.getProtocol()),
                    protocol(match.get().getProtocol()));
            same(violations, where, "port " + port.getName() + " container port", port(port.getTargetPort(), own),
                    port(match.get().getTargetPort(), deployed));
        }
    }

    private static void serviceMonitor(String service, String chartName, List<HasMetadata> generated,
                                       List<HasMetadata> chart, Container own, Container deployed, List<String> violations) {
        Optional<ServiceMonitor> ownMonitor = named(generated, ServiceMonitor.class, service);
        if (ownMonitor.isEmpty()) {
            return;
        }
        Optional<ServiceMonitor> chartMonitor = named(chart, ServiceMonitor.class, chartName);
        String where = "ServiceMonitor " + chartName;
        if (chartMonitor.isEmpty()) {
            violations.add("the chart renders no " + where + " (rendered with serviceMonitor.enabled=true)");
            return;
        }
        Optional<Service> ownService = named(generated, Service.class, service);
        Optional<Service> chartService = named(chart, Service.class, chartName);
        for (Endpoint endpoint : list(ownMonitor.get().getSpec().getEndpoints())) {
            Integer port = scrapedPort(endpoint, ownService, own);
            boolean found = list(chartMonitor.get().getSpec().getEndpoints()).stream()
                    .anyMatch(e -> Objects.equals(e.getPath(), endpoint.getPath())
                            && Objects.equals(scrapedPort(e, chartService, deployed), port)
                            && or(e.getScheme(), "http").equalsIgnoreCase(or(endpoint.getScheme(), "http")));
            if (!found) {
                violations.add(where + ": scrapes no " + or(endpoint.getScheme(), "http") + " " + endpoint.getPath()
                        + " on container port " + port);
            }
        }
    }

    /** The container port a ServiceMonitor endpoint scrapes: its targetPort, or the Service port it names. */
    private static Integer scrapedPort(Endpoint endpoint, Optional<Service> service, Container container) {
        if (endpoint.getTargetPort() != null) {
            return port(endpoint.getTargetPort(), container);
        }
        return service.flatMap(s -> list(s.getSpec().getPorts()).stream()
                        .filter(p -> Objects.equals(p.getName(), endpoint.getPort())).findFirst())
                .map(p -> port(p.getTargetPort(), container)).orElse(null);
    }

    private static Container container(Deployment deployment, String name) {
        return list(deployment.getSpec().getTemplate().getSpec().getContainers()).stream()
                .filter(c -> name.equals(c.getName())).findFirst().orElse(null);
    }

    static <T extends HasMetadata> Optional<T> named(List<HasMetadata> objects, Class<T> type, String name) {
        return ChartChecks.of(objects, type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    private static void same(List<String> violations, String where, String what, Object generated, Object chart) {
        if (!Objects.equals(generated, chart)) {
            violations.add(where + ": " + what + " is " + chart + ", the service says " + generated);
        }
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
