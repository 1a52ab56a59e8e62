package dev.anchor.blocks.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Validates an event against its published JSON Schema in {@code docs/events/<type>.schema.json}. */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventSchemas() {
    }

    public static void assertValid(JsonNode event) {
        String type = event.path("type").asText();
        Path schema = RepositoryFiles.path("docs/events/" + type + ".schema.json");
        if (!Files.exists(schema)) {
            throw new AssertionError("No schema for event type " + type + " at " + schema);
        }
        JsonSchema validator = FACTORY.getSchema(schema.toUri());
        Set<ValidationMessage> errors = validator.validate(event);
        if (!errors.isEmpty()) {
            throw new AssertionError(type + " does not match its schema: " + errors + "\n" + event.toPrettyString());
        }
    }
}
