package dev.anchor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A template (the URL, the body, a header's value) split once into literal text and placeholders: {@code {n}},
 * {@code {uuid}} and {@code {0}}, {@code {1}}, ... (the fields of a {@code --vars} line, which {@link #readVars} reads).
 */
record Template(List<Object> parts, int maxField) {

    private static final Object N = new Object();
    private static final Object RANDOM_UUID = new Object();

    static Template parse(String text) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int max = -1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            String name = close > i ? text.substring(i + 1, close) : null;
            Object part = null;
            if ("n".equals(name)) {
                part = N;
            } else if ("uuid".equals(name)) {
                part = RANDOM_UUID;
            } else if (name != null && !name.isEmpty() && name.length() < 4 && name.chars().allMatch(Character::isDigit)) {
                part = Integer.valueOf(name);
                max = Math.max(max, (Integer) part);
            }
            if (part == null) {
                literal.append(c);
                i++;
            } else {
                if (!literal.isEmpty()) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(part);
                i = close + 1;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
        }
        return new Template(List.copyOf(parts), max);
    }

    String render(long n, String[] fields) {
        StringBuilder out = new StringBuilder(64);
        for (Object part : parts) {
            if (part == N) {
                out.append(n);
            } else if (part == RANDOM_UUID) {
                out.append(UUID.randomUUID());
            } else if (part instanceof Integer field) {
                out.append(fields[field]);
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    /** The {@code --vars} file: its non-empty lines, each split at tabs into the fields {@code {0}}, {@code {1}}, ... */
    static List<String[]> readVars(Path file) throws IOException {
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                lines.add(line.split("\t", -1));
            }
        }
        return lines;
    }
}
