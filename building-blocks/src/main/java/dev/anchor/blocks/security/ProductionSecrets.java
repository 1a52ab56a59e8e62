package dev.anchor.blocks.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start when a credential is missing or is a development default. On in the prod profile
 * ({@code %prod.anchor.secrets.check=true}), off in dev and test, which keep their local defaults.
 *
 * <p>{@code anchor.secrets.required} lists the credentials, each {@code property} or {@code property:ENVIRONMENT_VARIABLE}
 * (the variable the deployment sets it with, named in the message), optionally followed by {@code  if other.property}:
 * then it is required only when that property is set (a credential of an optional integration). A value is refused when it is missing, blank or
 * contains {@value #DEVELOPMENT_MARKER}, the marker every development default for a secret in Anchor carries.
 */
@ApplicationScoped
public class ProductionSecrets {

    /** Part of every development default of a secret, e.g. {@code local-callback-secret-change-me}. */
    public static final String DEVELOPMENT_MARKER = "change-me";

    private final Config config;

    public ProductionSecrets(Config config) {
        this.config = config;
    }

    // Before any other startup work of the application's own beans (the schedulers, the outbox relay).
    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (!config.getOptionalValue("anchor.secrets.check", Boolean.class).orElse(false)) {
            return;
        }
        List<String> required = config.getOptionalValues("anchor.secrets.required", String.class).orElse(List.of());
        List<String> problems = problems(required, name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start without real credentials: " + String.join("; ", problems));
        }
    }

    /** One message per required credential that is missing, blank or a development default; empty when all are set. */
    public static List<String> problems(List<String> required, Function<String, Optional<String>> lookup) {
        List<String> problems = new ArrayList<>();
        for (String entry : required) {
            String spec = entry.strip();
            if (spec.isEmpty()) {
                continue;
            }
            int condition = spec.indexOf(" if ");
            if (condition >= 0) {
                boolean used = lookup.apply(spec.substring(condition + 4).strip()).filter(v -> !v.isBlank()).isPresent();
                spec = spec.substring(0, condition).strip();
                if (!used) {
                    continue;
                }
            }
            int colon = spec.indexOf(':');
            String property = colon < 0 ? spec : spec.substring(0, colon).strip();
            String variable = colon < 0 ? environmentVariable(property) : spec.substring(colon + 1).strip();
            Optional<String> value = lookup.apply(property).filter(v -> !v.isBlank());
            if (value.isEmpty()) {
                problems.add(property + " is not set: set the environment variable " + variable
                        + " (in Kubernetes: a key of the service's Secret)");
            } else if (value.get().toLowerCase(Locale.ROOT).contains(DEVELOPMENT_MARKER)) {
                problems.add(property + " is the well-known development default: set the environment variable " + variable
                        + " to a secret of your own, e.g. $(openssl rand -hex 32) (in Kubernetes: a key of the service's Secret)");
            }
        }
        return problems;
    }

    /** The environment variable MicroProfile Config maps to {@code property}: quarkus.datasource.password → QUARKUS_DATASOURCE_PASSWORD. */
    static String environmentVariable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
