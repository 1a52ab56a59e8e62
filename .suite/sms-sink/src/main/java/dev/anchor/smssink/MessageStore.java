package dev.anchor.smssink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messages received, oldest first: in memory, and appended as one JSON line each to a journal that
 * {@link #load()} reads back, so a restart keeps what was received.
 */
final class MessageStore {

    private final List<ObjectNode> messages = new ArrayList<>();
    private final Path journal;

    MessageStore(Path journal) {
        this.journal = journal;
    }

    Path journal() {
        return journal;
    }

    synchronized int size() {
        return messages.size();
    }

    /** Reads the journal; lines that are not a JSON object are skipped (a bad one with a warning). */
    synchronized void load() throws IOException {
        if (!Files.exists(journal)) {
            return;
        }
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            try {
                if (!line.isBlank() && Json.parse(line) instanceof ObjectNode message) {
                    messages.add(message);
                }
            } catch (JsonProcessingException e) {
                System.err.println("SMS sink: skipping a bad journal line: " + Json.describe(e));
            }
        }
    }

    synchronized void add(ObjectNode message) throws IOException {
        messages.add(message);
        Files.writeString(journal, Json.write(message) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The messages whose fields equal every filter's value (text as is, other values as JSON, absent as "null"). */
    synchronized List<ObjectNode> list(Map<String, String> filters) {
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode message : messages) {
            if (filters.entrySet().stream().allMatch(f -> f.getValue().equals(text(message.get(f.getKey()))))) {
                result.add(message);
            }
        }
        return result;
    }

    synchronized Optional<ObjectNode> find(String id) {
        return messages.stream().filter(m -> m.get("id") != null && m.get("id").isTextual()
                && id.equals(m.get("id").asText())).findFirst();
    }

    /** Forgets everything, and empties the journal. */
    synchronized void clear() throws IOException {
        messages.clear();
        Files.writeString(journal, "", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String text(JsonNode value) {
        if (value == null) {
            return "null";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
}
