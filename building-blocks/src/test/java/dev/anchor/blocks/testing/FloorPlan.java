package dev.anchor.blocks.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.anchor.blocks.outbox.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The floor plan every service is built on, checked over its compiled main classes: {@code api} (resources, requests,
 * views), {@code domain} (entities, rules, services, the repository interfaces it needs), {@code persistence}
 * (repositories, queries), {@code events.out} (typed event records and the one writer), {@code events.in} (one
 * consumer per topic); adapters such as {@code sending} depend on the domain only. No package depends on another in a
 * cycle, and every type Jackson writes into an event is registered for reflection (native image).
 */
public final class FloorPlan {

    private static final Set<String> PANACHE_QUERIES = Set.of("find", "findAll", "findById", "findByIdOptional",
            "list", "listAll", "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "update");

    private final String root;
    private final JavaClasses classes;

    private FloorPlan(String root, ImportOption scope) {
        this.root = root;
        this.classes = new ClassFileImporter()
                .withImportOption(scope)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(root);
    }

    /** The main classes of the service whose packages start with {@code root} (e.g. {@code dev.anchor.issue}). */
    public static FloorPlan of(String root) {
        return new FloorPlan(root, ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
    }

    /** Test classes too: for the rules' own test, over a deliberately broken sample. */
    static FloorPlan includingTests(String root) {
        return new FloorPlan(root, location -> true);
    }

    /** Every rule of the floor plan; each failure names the classes that break it. */
    public void check() {
        assertFalse(classes.isEmpty(), "no classes found under " + root);
        List<String> violations = new ArrayList<>();
        for (ArchRule rule : rules()) {
            // a service may have no classes in a package (customer-service consumes nothing)
            EvaluationResult result = rule.allowEmptyShould(true).evaluate(classes);
            if (result.hasViolation()) {
                violations.add(result.getFailureReport().toString());
            }
        }
        assertEquals("", String.join("\n\n", violations), "the floor plan is broken");
        eventTypesAreRegisteredForReflection();
        consumersAreNamedAndBlocking();
    }

    List<ArchRule> rules() {
        String api = root + ".api..";
        String domain = root + ".domain..";
        String persistence = root + ".persistence..";
        String eventsIn = root + ".events.in..";
        String eventsOut = root + ".events.out..";
        List<ArchRule> rules = new ArrayList<>();
        rules.add(slices().matching(root + ".(**)").should().beFreeOfCycles()
                .because("a package that depends on another in a cycle cannot be read on its own"));
        rules.add(noClasses().that().resideInAPackage(domain).should()
                .dependOnClassesThat(inService().and(resideOutsideOfPackages(domain, eventsOut)))
                .because("the domain depends on nothing else in the service but the event records it writes"));
        rules.add(noClasses().that().resideInAPackage(domain).should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.quarkus.resteasy..",
                        "dev.anchor.blocks.problem..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.anchor.blocks.http.ETags")
                .because("the domain knows no HTTP: it throws its own exceptions, which api/ maps to problems"));
        rules.add(noClasses().that().resideInAPackage(domain).should().dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.Query")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.TypedQuery")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.panache.common.Parameters")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("PanacheRepository")
                .orShould().dependOnClassesThat().haveSimpleName("PanacheQuery")
                .orShould().callMethodWhere(panacheQuery())
                .because("queries live in persistence/, behind the interfaces the domain declares"));
        rules.add(noClasses().that().resideInAPackage(api).should().dependOnClassesThat()
                .resideInAnyPackage(persistence, eventsIn, eventsOut)
                .because("resources go through the domain"));
        rules.add(noClasses().that().resideInAPackage(eventsOut).should()
                .dependOnClassesThat(inService().and(resideOutsideOfPackages(eventsOut)))
                .because("event records are the published contract, free of the service's internals"));
        rules.add(noClasses().that().resideOutsideOfPackage(eventsOut).should()
                .callMethodWhere(outboxRecord())
                .because("events are written by the service's one writer in events/out, from typed records"));
        rules.add(noClasses().that().resideInAnyPackage(persistence).should().dependOnClassesThat()
                .resideInAnyPackage(api, eventsIn, eventsOut)
                .because("repositories serve the domain only"));
        rules.add(noClasses().that(inService().and(resideOutsideOfPackages(api, domain, persistence, eventsIn, eventsOut)))
                .should().dependOnClassesThat(resideInAnyPackage(api, persistence, eventsIn, eventsOut))
                .because("adapters (sending, …) serve the domain only"));
        rules.add(noClasses().that(inService().and(resideOutsideOfPackages(persistence))).should()
                .dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .because("queries live in persistence/"));
        rules.add(classes().that().haveSimpleNameEndingWith("View").and().areTopLevelClasses().and(inService())
                .should().resideInAPackage(api).because("…View is an API response"));
        rules.add(classes().that().haveSimpleNameEndingWith("Request").and().areTopLevelClasses().and(inService())
                .should().resideInAPackage(api).because("…Request is an API request body"));
        rules.add(classes().that().haveSimpleNameEndingWith("State").and().areTopLevelClasses().and(inService())
                .should().resideInAPackage(eventsOut).because("…State is an event payload"));
        rules.add(noClasses().that().resideInAPackage(eventsIn).should().dependOnClassesThat()
                .resideInAnyPackage(api, persistence)
                .because("consumers hand events to the domain"));
        return rules;
    }

    /** Every record, enum or class in events.out that is not a bean, and every service type inside them. */
    void eventTypesAreRegisteredForReflection() {
        Deque<Class<?>> toCheck = new ArrayDeque<>();
        for (JavaClass type : classes) {
            if (type.getPackageName().startsWith(root + ".events.out") && !type.isAnonymousClass()
                    && !type.getModifiers().contains(JavaModifier.SYNTHETIC) && isPayload(type)) {
                toCheck.add(type.reflect());
            }
        }
        assertFalse(toCheck.isEmpty(), "no event records found under " + root + ".events.out");
        Set<Class<?>> seen = new HashSet<>();
        List<String> unregistered = new ArrayList<>();
        while (!toCheck.isEmpty()) {
            Class<?> type = toCheck.pop();
            if (!seen.add(type) || !type.getName().startsWith("dev.anchor.")) {
                continue;
            }
            if (!type.isAnnotationPresent(RegisterForReflection.class) && !registeredByOuter(type)) {
                unregistered.add(type.getName());
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    collect(component.getGenericType(), toCheck);
                }
            }
        }
        assertEquals(List.of(), unregistered, "event types Jackson writes but nobody registered for reflection");
    }

    /** Each consumer claims events as {@code <service>.<topic>} and applies them on a worker thread, in order. */
    private void consumersAreNamedAndBlocking() {
        String service = root.substring(root.lastIndexOf('.') + 1) + "-service";
        List<String> wrong = new ArrayList<>();
        for (JavaClass type : classes) {
            if (!type.getPackageName().startsWith(root + ".events.in")) {
                continue;
            }
            Class<?> consumer = type.reflect();
            for (Method method : consumer.getDeclaredMethods()) {
                if (!annotated(method, "org.eclipse.microprofile.reactive.messaging.Incoming")) {
                    continue;
                }
                if (!annotated(method, "io.smallrye.common.annotation.Blocking")) {
                    wrong.add(method + " is not @io.smallrye.common.annotation.Blocking");
                }
                String name = consumerName(consumer);
                if (name == null || !name.matches(Pattern.quote(service) + "\\.[a-z]+(?:[.-][a-z]+)*")) {
                    wrong.add(consumer.getName() + ".CONSUMER is " + name + ", not " + service + ".<topic>");
                }
            }
        }
        assertEquals(List.of(), wrong, "consumers that break the naming or threading rule");
    }

    // by name: a service without consumers has no messaging API on its classpath
    private static boolean annotated(Method method, String annotation) {
        for (Annotation present : method.getAnnotations()) {
            if (present.annotationType().getName().equals(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static String consumerName(Class<?> consumer) {
        try {
            Field field = consumer.getDeclaredField("CONSUMER");
            field.setAccessible(true);
            return Modifier.isStatic(field.getModifiers()) ? String.valueOf(field.get(null)) : null;
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }

    private static boolean isPayload(JavaClass type) {
        return type.isRecord() || type.isEnum() || type.isInterface() && type.getSimpleName().endsWith("Event");
    }

    private static boolean registeredByOuter(Class<?> type) {
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            RegisterForReflection registration = outer.getAnnotation(RegisterForReflection.class);
            if (registration != null && List.of(registration.targets()).contains(type)) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Type type, Deque<Class<?>> into) {
        if (type instanceof Class<?> c) {
            into.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), into);
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, into);
            }
        }
    }

    private DescribedPredicate<JavaClass> inService() {
        return resideInAPackage(root + "..");
    }

    private static DescribedPredicate<JavaMethodCall> panacheQuery() {
        return DescribedPredicate.describe("a Panache entity query", call ->
                PANACHE_QUERIES.contains(call.getName())
                        && call.getTargetOwner().isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase"));
    }

    private static DescribedPredicate<JavaMethodCall> outboxRecord() {
        return DescribedPredicate.describe("Outbox.record", call ->
                call.getName().equals("record") && call.getTargetOwner().isEquivalentTo(Outbox.class));
    }
}
