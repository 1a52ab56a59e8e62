package dev.anchor.system.chart;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks on rendered objects. Each returns the violations it found (empty when the objects pass), so tests can show
 * every problem at once and can also prove that a check catches what it is meant to catch.
 */
public final class ChartChecks {

    /** Names of settings that hold credentials: never as a literal in a manifest. */
    static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|JAAS|CREDENTIAL|PRIVATE_?KEY|API_?KEY).*");

    private ChartChecks() {
    }

    /** Pod templates of every workload: "Kind/name" → pod spec. */
    static Map<String, PodSpec> podSpecs(List<HasMetadata> objects) {
        Map<String, PodSpec> pods = new LinkedHashMap<>();
        for (HasMetadata object : objects) {
            if (object instanceof Deployment d) {
                pods.put(id(d), d.getSpec().getTemplate().getSpec());
            } else if (object instanceof Job j) {
                pods.put(id(j), j.getSpec().getTemplate().getSpec());
            }
        }
        return pods;
    }

    /** Every Deployment container has the three Quarkus health probes; every container has requests and limits. */
    public static List<String> probesAndResources(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Deployment d) {
                for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                    String where = id(d) + " container " + c.getName();
                    probe(where, "startupProbe", c.getStartupProbe(), "/q/health/started", c, violations);
                    probe(where, "livenessProbe", c.getLivenessProbe(), "/q/health/live", c, violations);
                    probe(where, "readinessProbe", c.getReadinessProbe(), "/q/health/ready", c, violations);
                }
            }
        }
        podSpecs(objects).forEach((id, pod) -> containers(pod).forEach(c -> {
            String where = id + " container " + c.getName();
            ResourceRequirements resources = c.getResources();
            for (String kind : List.of("requests", "limits")) {
                Map<String, Quantity> amounts = resources == null ? null
                        : kind.equals("requests") ? resources.getRequests() : resources.getLimits();
                for (String resource : List.of("cpu", "memory")) {
                    if (amounts == null || amounts.get(resource) == null) {
                        violations.add(where + ": no " + resource + " in resources." + kind);
                    }
                }
            }
            if (resources != null && resources.getRequests() != null && resources.getLimits() != null) {
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = resources.getRequests().get(resource);
                    Quantity limit = resources.getLimits().get(resource);
                    if (request != null && limit != null
                            && Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) > 0) {
                        violations.add(where + ": " + resource + " request above its limit");
                    }
                }
            }
        }));
        return violations;
    }

    private static void probe(String where, String name, Probe probe, String path, Container c, List<String> violations) {
        if (probe == null) {
            violations.add(where + ": no " + name);
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null || !path.equals(get.getPath())) {
            violations.add(where + ": " + name + " is not an HTTP GET on " + path);
            return;
        }
        String port = get.getPort() == null ? null
                : get.getPort().getStrVal() != null ? get.getPort().getStrVal() : String.valueOf(get.getPort().getIntVal());
        boolean exposed = Optional.ofNullable(c.getPorts()).orElse(List.of()).stream()
                .anyMatch(p -> Objects.equals(p.getName(), port) || String.valueOf(p.getContainerPort()).equals(port));
        if (!exposed) {
            violations.add(where + ": " + name + " port " + port + " is not a container port");
        }
    }

    /**
     * No container may run as root or gain privileges: runAsNonRoot (container or pod), no uid 0, no privilege
     * escalation, read-only root filesystem with an emptyDir on /tmp, all capabilities dropped, seccomp RuntimeDefault,
     * no host namespaces.
     */
    public static List<String> securityContexts(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        podSpecs(objects).forEach((id, pod) -> {
            PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                violations.add(id + ": uses a host namespace");
            }
            containers(pod).forEach(c -> {
                String where = id + " container " + c.getName();
                SecurityContext context = Optional.ofNullable(c.getSecurityContext()).orElse(new SecurityContext());
                Boolean nonRoot = first(context.getRunAsNonRoot(), podContext.getRunAsNonRoot());
                Long user = first(context.getRunAsUser(), podContext.getRunAsUser());
                if (!Boolean.TRUE.equals(nonRoot)) {
                    violations.add(where + ": may run as root (runAsNonRoot is not true)");
                }
                if (user != null && user == 0L) {
                    violations.add(where + ": runs as uid 0");
                }
                if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                    violations.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (Boolean.TRUE.equals(context.getPrivileged())) {
                    violations.add(where + ": privileged");
                }
                if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                    violations.add(where + ": root filesystem is writable");
                }
                Capabilities capabilities = context.getCapabilities();
                if (capabilities == null || capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
                    violations.add(where + ": does not drop ALL capabilities");
                }
                if (capabilities != null && capabilities.getAdd() != null && !capabilities.getAdd().isEmpty()) {
                    violations.add(where + ": adds capabilities " + capabilities.getAdd());
                }
                SeccompProfile seccomp = first(context.getSeccompProfile(), podContext.getSeccompProfile());
                if (seccomp == null || !List.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
                    violations.add(where + ": no RuntimeDefault seccomp profile");
                }
                Optional<VolumeMount> tmp = Optional.ofNullable(c.getVolumeMounts()).orElse(List.of()).stream()
                        .filter(m -> "/tmp".equals(m.getMountPath())).findFirst();
                boolean tmpIsEmptyDir = tmp.flatMap(m -> Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                        .filter(v -> v.getName().equals(m.getName())).findFirst())
                        .map(Volume::getEmptyDir).isPresent();
                if (!tmpIsEmptyDir) {
                    violations.add(where + ": no emptyDir mounted on /tmp");
                }
            });
        });
        return violations;
    }

    /** No credential in plain text: no Secret carrying data, no literal credential in env or a ConfigMap. */
    public static List<String> plainTextSecrets(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Secret s) {
                if (s.getData() != null && !s.getData().isEmpty()) {
                    violations.add(id(s) + ": carries data " + s.getData().keySet());
                }
                if (s.getStringData() != null && !s.getStringData().isEmpty()) {
                    violations.add(id(s) + ": carries stringData " + s.getStringData().keySet());
                }
            }
            if (object instanceof ConfigMap cm && cm.getData() != null) {
                cm.getData().keySet().stream().filter(key -> CREDENTIAL_NAME.matcher(key).matches())
                        .forEach(key -> violations.add(id(cm) + ": credential " + key + " in a ConfigMap"));
            }
        }
        podSpecs(objects).forEach((id, pod) -> containers(pod).forEach(c -> {
            for (EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                if (env.getValue() != null && CREDENTIAL_NAME.matcher(env.getName()).matches()) {
                    violations.add(id + " container " + c.getName() + ": credential " + env.getName() + " as a literal");
                }
            }
        }));
        return violations;
    }

    /**
     * Labels and selectors agree: each Deployment selects its own pods; each is selected by exactly one Service,
     * PodDisruptionBudget and NetworkPolicy, and none of those selects the pods of two Deployments. HPAs, Ingress
     * backends, ServiceMonitors and envFrom ConfigMaps point at objects that exist.
     */
    public static List<String> selectors(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        List<Deployment> deployments = of(objects, Deployment.class);
        List<Service> services = of(objects, Service.class);
        if (deployments.isEmpty()) {
            violations.add("no Deployment rendered");
        }
        for (Deployment d : deployments) {
            Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (selector == null || selector.isEmpty()) {
                violations.add(id(d) + ": empty selector");
            } else if (!matches(selector, podLabels)) {
                violations.add(id(d) + ": selector " + selector + " does not match its pod labels " + podLabels);
            }
            if (d.getSpec().getSelector().getMatchExpressions() != null
                    && !d.getSpec().getSelector().getMatchExpressions().isEmpty()) {
                violations.add(id(d) + ": matchExpressions are not used by this chart");
            }
        }
        selectedExactlyOnce("Service", services, s -> s.getSpec().getSelector(), deployments, violations);
        selectedExactlyOnce("PodDisruptionBudget", of(objects, PodDisruptionBudget.class),
                p -> p.getSpec().getSelector().getMatchLabels(), deployments, violations);
        selectedExactlyOnce("NetworkPolicy", of(objects, NetworkPolicy.class),
                n -> n.getSpec().getPodSelector().getMatchLabels(), deployments, violations);

        for (Service s : services) {
            for (ServicePort port : s.getSpec().getPorts()) {
                String target = port.getTargetPort() == null ? null : port.getTargetPort().getStrVal();
                if (target == null) {
                    continue;
                }
                deployments.stream().filter(d -> matches(s.getSpec().getSelector(), podLabels(d))).forEach(d -> {
                    boolean named = d.getSpec().getTemplate().getSpec().getContainers().stream()
                            .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.<ContainerPort>of()).stream())
                            .anyMatch(p -> target.equals(p.getName()));
                    if (!named) {
                        violations.add(id(s) + ": targetPort " + target + " is not a port of " + id(d));
                    }
                });
            }
        }
        for (HorizontalPodAutoscaler hpa : of(objects, HorizontalPodAutoscaler.class)) {
            String target = hpa.getSpec().getScaleTargetRef().getName();
            if (deployments.stream().noneMatch(d -> d.getMetadata().getName().equals(target))) {
                violations.add(id(hpa) + ": scales " + target + ", which is not rendered");
            }
        }
        for (ServiceMonitor monitor : of(objects, ServiceMonitor.class)) {
            Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
            List<Service> selected = services.stream().filter(s -> matches(selector, s.getMetadata().getLabels())).toList();
            if (selected.size() != 1) {
                violations.add(id(monitor) + ": selects " + selected.size() + " Services");
            }
        }
        for (Ingress ingress : of(objects, Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    String name = path.getBackend().getService().getName();
                    String port = path.getBackend().getService().getPort().getName();
                    Optional<Service> service = services.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();
                    if (service.isEmpty()) {
                        violations.add(id(ingress) + ": " + rule.getHost() + path.getPath() + " goes to missing Service " + name);
                    } else if (service.get().getSpec().getPorts().stream().noneMatch(p -> Objects.equals(p.getName(), port))) {
                        violations.add(id(ingress) + ": Service " + name + " has no port " + port);
                    }
                }
            }
        }
        List<String> configMaps = of(objects, ConfigMap.class).stream().map(c -> c.getMetadata().getName()).toList();
        podSpecs(objects).forEach((id, pod) -> containers(pod).forEach(c -> {
            for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                if (from.getConfigMapRef() != null && !configMaps.contains(from.getConfigMapRef().getName())) {
                    violations.add(id + ": envFrom ConfigMap " + from.getConfigMapRef().getName() + " is not rendered");
                }
            }
        }));
        return violations;
    }

    private static <T extends HasMetadata> void selectedExactlyOnce(String kind, List<T> selectors,
                                                                    Function<T, Map<String, String>> selectorOf,
                                                                    List<Deployment> deployments, List<String> violations) {
        for (T object : selectors) {
            Map<String, String> selector = selectorOf.apply(object);
            if (selector == null || selector.isEmpty()) {
                violations.add(id(object) + ": empty selector selects every pod");
                continue;
            }
            long selected = deployments.stream().filter(d -> matches(selector, podLabels(d))).count();
            if (selected != 1) {
                violations.add(id(object) + ": selector " + selector + " selects the pods of " + selected + " Deployments");
            }
        }
        if (selectors.isEmpty()) {
            return; // switched off by value; the render tests count what must be there
        }
        for (Deployment d : deployments) {
            long covering = selectors.stream()
                    .filter(o -> selectorOf.apply(o) != null && !selectorOf.apply(o).isEmpty())
                    .filter(o -> matches(selectorOf.apply(o), podLabels(d))).count();
            if (covering != 1) {
                violations.add(id(d) + ": selected by " + covering + " " + kind + " objects, expected 1");
            }
        }
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    private static Map<String, String> podLabels(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels();
    }

    static Stream<Container> containers(PodSpec pod) {
        return Stream.concat(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream(),
                Optional.ofNullable(pod.getContainers()).orElse(List.of()).stream());
    }

    public static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
