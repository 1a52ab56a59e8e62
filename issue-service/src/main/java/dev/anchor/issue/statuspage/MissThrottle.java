package dev.anchor.issue.statuspage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down token guessing: a client that asked for more than {@code limit} unknown tokens within {@code window} gets
 * 429 until the window has passed. Kept per service instance, in memory.
 */
@ApplicationScoped
public class MissThrottle {

    private static final int MAX_CLIENTS = 100_000;

    private final int limit;
    private final Duration window;
    private final ConcurrentHashMap<String, Deque<Instant>> misses = new ConcurrentHashMap<>();

    public MissThrottle(@ConfigProperty(name = "anchor.status-page.miss-limit", defaultValue = "10") int limit,
                        @ConfigProperty(name = "anchor.status-page.miss-window", defaultValue = "PT1M") Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Seconds until {@code client} may try again, or 0 when it is not throttled. */
    public long retryAfter(String client) {
        Deque<Instant> recent = misses.get(client);
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            Instant now = Instant.now();
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
                recent.pollFirst();
            }
            if (recent.size() < limit) {
                return 0;
            }
            return Math.max(1, Duration.between(now, recent.peekFirst().plus(window)).toSeconds() + 1);
        }
    }

    public void miss(String client) {
        if (misses.size() > MAX_CLIENTS) {
            misses.clear();
        }
        Deque<Instant> recent = misses.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(Instant.now());
            while (recent.size() > limit) {
                recent.pollFirst();
            }
        }
    }

    /** Forgets every client (tests start from a clean slate). */
    public void reset() {
        misses.clear();
    }
}
