package dev.anchor.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.system.faults.Ledger.Customer;
import dev.anchor.system.journey.Anchor;
import dev.anchor.system.journey.Anchor.Caller;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A steady load at a fixed rate: each tick registers a new customer (email, every fourth one SMS) in a time zone where
 * it is early afternoon now, so quiet hours hold nothing back, and opens one issue for them once issue-service knows
 * them (422 until then; the same Idempotency-Key on every try). Each attempt goes to the {@link Ledger}: 201 created,
 * or refused with the reason. Bounded: it ends by itself at its deadline, and an attempt gives up after {@link #PATIENCE}.
 */
final class SteadyLoad implements AutoCloseable {

    /** How long an attempt waits for issue-service to learn of its customer (a broker outage delays that). */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final Anchor anchor;
    private final Ledger ledger;
    private final Caller agent;
    private final String run;
    private final Duration period;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    // an attempt mostly waits on HTTP: one virtual thread each, however many a broker outage keeps waiting
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger started = new AtomicInteger();
    private Instant since;
    /** No attempt starts after this; set by {@link #finishAt}, never later than {@link #LONGEST} after the start. */
    private volatile Instant deadline;

    /** However a run goes, the load ends by then. */
    private static final Duration LONGEST = Duration.ofMinutes(2);

    SteadyLoad(Anchor anchor, Ledger ledger, Caller agent, String run, double perSecond) {
        this.anchor = anchor;
        this.ledger = ledger;
        this.agent = agent;
        this.run = run;
        this.period = Duration.ofNanos((long) (1_000_000_000L / perSecond));
    }

    void start() {
        since = Instant.now();
        deadline = since.plus(LONGEST);
        ticks.scheduleAtFixedRate(this::tick, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void tick() {
        if (Instant.now().isAfter(deadline)) {
            ticks.shutdown(); // the load ends by itself
            return;
        }
        attempts.submit(this::attempt);
    }

    /** The load ends at {@code end} (or at once when that has passed), within its longest run. */
    void finishAt(Instant end) {
        Instant longest = since.plus(LONGEST);
        deadline = end.isAfter(longest) ? longest : end;
    }

    Instant since() {
        return since;
    }

    int attempts() {
        return started.get();
    }

    /** Waits (bounded) until the load reached its end and the attempts under way are done. */
    void awaitFinished() {
        try {
            if (!ticks.awaitTermination(LONGEST.toSeconds() + 10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the load did not end within " + LONGEST);
            }
            attempts.shutdown();
            if (!attempts.awaitTermination(PATIENCE.plusSeconds(40).toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("attempts still running " + PATIENCE.plusSeconds(40) + " after the load stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the load", e);
        }
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        attempts.shutdownNow();
    }

    private void attempt() {
        int n = started.incrementAndGet();
        try {
            Customer customer = register(n % 4 == 0 ? "sms" : "email");
            if (customer != null) {
                open(customer, n);
            }
        } catch (Exception e) { // RestAssured throws ConnectException unchecked: the service was down
            ledger.refused(e.getClass().getSimpleName());
        }
    }

    private Customer register(String channel) {
        String address = channel.equals("sms") ? Anchor.uniquePhone()
                : "fault." + run + "." + Anchor.unique(12) + "@example.com";
        Map<String, Object> contact = channel.equals("sms")
                ? Map.of("phones", List.of(Map.of("number", address, "label", "mobile")))
                : Map.of("emails", List.of(Map.of("address", address)));
        Map<String, Object> body = new java.util.HashMap<>(contact);
        body.putAll(Map.of("givenName", "Fault", "familyName", Anchor.unique(10), "preferences", preferences(channel)));
        Response response = anchor.customers(agent).contentType("application/json")
                .header("Idempotency-Key", Anchor.idempotencyKey()).body(body).post("/customers");
        if (response.statusCode() != 201) {
            ledger.refused("register " + status(response));
            return null;
        }
        return new Customer(Anchor.json(response).path("id").asText(), channel, address);
    }

    private void open(Customer customer, int n) {
        String key = Anchor.idempotencyKey();
        Map<String, Object> draft = Map.of("customerId", customer.id(), "title", "Fault run " + run + " #" + n,
                "channel", "web", "priority", "normal");
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            Awaitility.await("issue-service knows the customer").atMost(PATIENCE).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
                        last.set(anchor.issues(agent).contentType("application/json").header("Idempotency-Key", key)
                                .body(draft).post("/issues"));
                        return last.get().statusCode() != 422; // "not known to issue-service" yet
                    });
        } catch (ConditionTimeoutException e) {
            ledger.refused("open 422 for " + PATIENCE.toSeconds() + " s");
            return;
        }
        Response response = last.get();
        if (response.statusCode() != 201) {
            ledger.refused("open " + status(response));
            return;
        }
        JsonNode issue = Anchor.json(response);
        ledger.created(new Ledger.Opened(issue.path("id").asText(), issue.path("number").asText(), customer, Instant.now()));
    }

    /**
     * Early afternoon where the customer lives, whatever the hour in UTC (Etc/GMT-N is UTC+N), quiet hours at night
     * there: no message of the run can fall into them.
     */
    static Map<String, Object> preferences(String channel) {
        int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(13 - hour + 11, 24) - 11; // local time 13:00, offset within −11..+12
        String zone = offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
        return Map.of("preferredChannel", channel, "fallbackAllowed", false, "language", "en", "timeZone", zone,
                "quietHours", Map.of("start", "22:00", "end", "06:00"),
                "consent", Map.of("critical", true, "service", true, "marketing", false));
    }

    /** The status of a refusal, and whether a 503 said when to come back (it must). */
    private static String status(Response response) {
        return response.statusCode() + (response.statusCode() == 503 && response.header("Retry-After") == null
                ? " without Retry-After" : "");
    }
}
