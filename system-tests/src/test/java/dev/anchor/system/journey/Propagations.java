package dev.anchor.system.journey;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Bounded polls for eventual consistency that also record how long each propagation took: from just before the
 * request that caused it until the poll first saw the result (so a figure includes up to one poll interval).
 */
public final class Propagations {

    /** Every figure of the run, printed once at the end. */
    static final Propagations ALL = new Propagations("all");

    private static final Duration POLL = Duration.ofMillis(100);

    private final String name;
    private final List<Figure> figures = new ArrayList<>();

    public Propagations(String name) {
        this.name = name;
    }

    public record Figure(String journey, String what, long millis) {
    }

    /** The moment a cause happened, to measure from. */
    public static long now() {
        return System.nanoTime();
    }

    /**
     * Polls {@code read} every 100 ms until {@code done} holds for its value (exceptions count as not yet), at most
     * {@code atMost}; records the time since {@code since} under {@code what} and answers the value.
     */
    public <T> T await(String what, long since, Duration atMost, Callable<T> read, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .ignoreExceptions()
                    .until(() -> {
                        T value = read.call();
                        last.set(value);
                        return done.test(value);
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ": not within " + atMost + "; last seen: " + last.get(), e);
        }
        record(what, (System.nanoTime() - since) / 1_000_000);
        return last.get();
    }

    public <T> T await(String what, long since, Callable<T> read, Predicate<T> done) {
        return await(what, since, Duration.ofSeconds(30), read, done);
    }

    public synchronized void record(String what, long millis) {
        Figure figure = new Figure(name, what, millis);
        figures.add(figure);
        ALL.add(figure);
        System.out.printf("[propagation] %s: %s: %d ms%n", name, what, millis);
    }

    private synchronized void add(Figure figure) {
        figures.add(figure);
    }

    public synchronized String table(String title) {
        int width = figures.stream().mapToInt(f -> label(f).length()).max().orElse(10);
        StringBuilder out = new StringBuilder("\n").append(title).append(" (from the causing request until seen; ")
                .append("polled every ").append(POLL.toMillis()).append(" ms)\n");
        for (Figure figure : figures) {
            out.append(String.format("  %-" + width + "s %7d ms%n", label(figure), figure.millis()));
        }
        return out.toString();
    }

    private String label(Figure figure) {
        return (this == ALL ? figure.journey() + ": " : "") + figure.what();
    }
}
