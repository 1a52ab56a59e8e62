package dev.anchor.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code --record} file: one JSON line per answer, {@code {"n","intended" (epoch ms),"latencyMs","status","body"}}
 * (or {@code "error"} for a request that failed), flushed as it goes so that a reader can follow.
 */
final class AnswerLog {

    private final BufferedWriter out;

    AnswerLog(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** Request {@code n}'s answer, or (when {@code answer} is null) its {@code failure}; from any thread. */
    void write(long n, double intendedEpochMillis, long latencyMicros, Answer answer, String failure) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"n\":").append(n)
                .append(",\"intended\":").append(String.format(Locale.ROOT, "%.3f", intendedEpochMillis))
                .append(",\"latencyMs\":").append(String.format(Locale.ROOT, "%.3f", latencyMicros / 1000.0))
                .append(",\"status\":").append(answer == null ? "null" : Integer.toString(answer.status()));
        if (answer == null) {
            line.append(",\"error\":").append(Json.quote(failure));
        } else {
            String text = answer.body().toString(StandardCharsets.UTF_8).strip();
            line.append(",\"body\":");
            // a one-line JSON body goes in as it is, anything else as a string
            boolean json = (text.startsWith("{") || text.startsWith("[")) && text.indexOf('\n') < 0;
            line.append(json ? text : text.isEmpty() ? "null" : Json.quote(text));
        }
        line.append("}\n");
        synchronized (out) {
            try {
                out.write(line.toString());
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void close() throws IOException {
        synchronized (out) {
            out.close();
        }
    }
}
