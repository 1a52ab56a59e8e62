package dev.anchor.system.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Helm chart under k8s/anchor, rendered offline with helm-java (Helm as a native library) and parsed into typed
 * fabric8 Kubernetes objects. Parsing is strict: a field the Kubernetes model does not know fails the parse.
 */
public final class Chart {

    public static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    public static final Path CHART = ROOT.resolve("k8s/anchor");
    public static final Path PRODUCTION_VALUES = CHART.resolve("values-production.yaml");
    public static final String RELEASE = "anchor";
    public static final String NAMESPACE = "anchor";

    /** Custom resources the fabric8 model does not type: kind → the spec fields they may carry. */
    static final Map<String, Set<String>> UNTYPED_CUSTOM_RESOURCES = Map.of(
            "kafka.strimzi.io/v1beta2/KafkaTopic", Set.of("topicName", "partitions", "replicas", "config"));

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private Chart() {
    }

    /** {@code helm lint --strict} on the chart with its own values. */
    public static LintResult lint() {
        return lintChart(CHART);
    }

    /**
     * {@code helm lint --strict} as with {@code -f valuesFile}: helm-java's lint takes no values file, so a copy of the
     * chart whose values.yaml is the defaults merged with the file (Helm's merge: maps merge, the rest replaces) is
     * linted instead.
     */
    public static LintResult lintWithValues(Path valuesFile) {
        try {
            Path copy = copyOfChart("lint-" + valuesFile.getFileName().toString().replace(".yaml", ""));
            JsonNode merged = merge(YAML.readTree(CHART.resolve("values.yaml").toFile()), YAML.readTree(valuesFile.toFile()));
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
            return lintChart(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LintResult lintChart(Path chart) {
        return new Helm(chart).lint().strict().call();
    }

    /** {@code helm template anchor k8s/anchor -n anchor [-f file]... [--set k=v]...}. Throws when Helm refuses. */
    public static String template(List<Path> valuesFiles, Map<String, String> sets) {
        return template(CHART, valuesFiles, sets);
    }

    static String template(Path chart, List<Path> valuesFiles, Map<String, String> sets) {
        TemplateCommand command = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    /**
     * Renders the chart's hook templates too. helm-java's template returns the release manifest without hooks, so a
     * copy of the chart whose {@code helm.sh/hook} annotations are renamed to {@code test.anchor.dev/hook} is rendered:
     * the hook Jobs come out as plain objects, their annotations (phases, weights) still visible.
     */
    public static String templateWithHooks(List<Path> valuesFiles, Map<String, String> sets) {
        try {
            Path copy = copyOfChart("hooks");
            try (Stream<Path> templates = Files.list(copy.resolve("templates"))) {
                for (Path template : templates.toList()) {
                    String text = Files.readString(template);
                    Files.writeString(template, text.replace("helm.sh/hook", HOOK_ANNOTATION_PREFIX + "hook"));
                }
            }
            return template(copy, valuesFiles, sets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final String HOOK_ANNOTATION_PREFIX = "test.anchor.dev/";

    /** Every object of a multi-document YAML stream, parsed strictly into the fabric8 model. */
    public static List<HasMetadata> parse(String rendered) {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(rendered)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode() || document.isEmpty()) {
                    continue;
                }
                objects.add(parseObject(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    private static HasMetadata parseObject(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        String where = apiVersion + "/" + kind + " " + document.path("metadata").path("name").asText();
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw new UnknownFieldException("an object without apiVersion or kind: " + document);
        }
        Object parsed = KUBERNETES.unmarshal(document.toString());
        if (!(parsed instanceof HasMetadata object)) {
            throw new UnknownFieldException(where + " is not a Kubernetes object");
        }
        if (object instanceof GenericKubernetesResource generic) {
            Set<String> specFields = UNTYPED_CUSTOM_RESOURCES.get(apiVersion + "/" + kind);
            if (specFields == null) {
                throw new UnknownFieldException(where + ": a kind the Kubernetes model does not know");
            }
            checkUntyped(where, document, specFields);
            requireNoUnknownFields(where + " metadata", generic.getMetadata());
        } else {
            requireNoUnknownFields(where, object);
        }
        return object;
    }

    private static void checkUntyped(String where, JsonNode document, Set<String> specFields) {
        for (Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("apiVersion", "kind", "metadata", "spec").contains(name)) {
                throw new UnknownFieldException(where + ": unknown field " + name);
            }
        }
        for (Iterator<String> names = document.path("spec").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!specFields.contains(name)) {
                throw new UnknownFieldException(where + ": unknown field spec." + name);
            }
        }
    }

    /**
     * The fabric8 model keeps fields it does not know (and values of the wrong type) in each object's
     * additionalProperties instead of failing; any such entry anywhere in the object is an unknown field.
     */
    static void requireNoUnknownFields(String where, Object object) {
        List<String> unknown = new ArrayList<>();
        collectUnknown(object, "", unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            throw new UnknownFieldException(where + ": unknown fields " + unknown);
        }
    }

    private static void collectUnknown(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknown(item, path + "." + key, unknown, seen));
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getName().startsWith("io.fabric8.") || type.isEnum()) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object fieldValue;
                try {
                    fieldValue = field.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(key -> unknown.add(path + "." + key));
                    }
                } else {
                    collectUnknown(fieldValue, path + "." + field.getName(), unknown, seen);
                }
            }
        }
    }

    private static Path copyOfChart(String name) throws IOException {
        Path target = ROOT.resolve("system-tests/target/chart-copies/" + name + "/anchor");
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                for (Path path : old.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    static JsonNode merge(JsonNode base, JsonNode override) {
        if (base instanceof ObjectNode baseObject && override instanceof ObjectNode overrideObject) {
            ObjectNode merged = baseObject.deepCopy();
            for (Map.Entry<String, JsonNode> entry : overrideObject.properties()) {
                JsonNode existing = merged.get(entry.getKey());
                merged.set(entry.getKey(), existing == null ? entry.getValue() : merge(existing, entry.getValue()));
            }
            return merged;
        }
        return override == null || override.isMissingNode() ? base : override;
    }

    /** A rendered field the Kubernetes model does not know. */
    public static final class UnknownFieldException extends RuntimeException {
        UnknownFieldException(String message) {
            super(message);
        }
    }
}
