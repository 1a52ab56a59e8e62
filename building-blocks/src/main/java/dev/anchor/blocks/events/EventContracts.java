package dev.anchor.blocks.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The published event contracts ({@code docs/events/}, shipped in this jar under {@code anchor/events/}): every event
 * is checked against its type's JSON Schema before a consumer applies it, so an event that breaks its contract is
 * refused whole, never half-applied. A type without a published schema has no contract to break (the consumers
 * ignore it).
 */
@ApplicationScoped
public class EventContracts {

    static final String LOCATION = "anchor/events/";
    private static final Pattern TYPE = Pattern.compile("[a-z]+\\.[a-z-]+");
    private static final int REASONS = 3;

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, Optional<JsonSchema>> schemas = new ConcurrentHashMap<>();

    /** What in {@code event} breaks its type's contract (the first few reasons); empty when it holds. */
    public Optional<String> violations(JsonNode event) {
        Optional<JsonSchema> schema = schemas.computeIfAbsent(event.path("type").asText(""), this::load);
        if (schema.isEmpty()) {
            return Optional.empty();
        }
        Set<ValidationMessage> errors = schema.get().validate(event);
        return errors.isEmpty() ? Optional.empty() : Optional.of("breaks its published schema: " + errors.stream()
                .map(ValidationMessage::getMessage).sorted().limit(REASONS).collect(Collectors.joining("; ")));
    }

    private Optional<JsonSchema> load(String type) {
        String path = LOCATION + type + ".schema.json";
        if (!TYPE.matcher(type).matches() || EventContracts.class.getClassLoader().getResource(path) == null) {
            return Optional.empty();
        }
        return Optional.of(factory.getSchema(SchemaLocation.of("classpath:" + path)));
    }
}
