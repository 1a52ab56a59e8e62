package dev.anchor.issue.api.statuspage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing status-page tokens: a client that asked for more than {@code limit} unknown tokens within
 * {@code window} gets 429 for further unknown tokens until the window has passed. It is consulted only once a token
 * turned out unknown, so a valid link is never refused. Clients are told apart by {@link ClientAddress}. Kept per
 * service instance, in memory.
 */
@ApplicationScoped
public class TokenGuessThrottle {

    private static final int MAX_CLIENTS = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> misses = new ConcurrentHashMap<>();

    public TokenGuessThrottle(@ConfigProperty(name = "anchor.status-page.miss-limit", defaultValue = "10") int limit,
                              @ConfigProperty(name = "anchor.status-page.miss-window", defaultValue = "PT1M") Duration window,
                              Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds until {@code client} may try again, or 0 when it is not throttled. */
    public long retryAfter(String client) {
        Deque<Instant> recent = misses.get(client);
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
                recent.pollFirst();
            }
            if (recent.size() < limit) {
                return 0;
            }
            return Math.max(1, Duration.between(now, recent.peekFirst().plus(window)).toSeconds() + 1);
        }
    }

    /** Counts an unknown token asked for by {@code client}. */
    public void miss(String client) {
        if (misses.size() > MAX_CLIENTS) {
            misses.clear();
        }
        Deque<Instant> recent = misses.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
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
