package dev.anchor.system.faults;

import dev.anchor.system.faults.Ledger.Tally;
import dev.anchor.system.journey.Anchor;
import dev.anchor.system.journey.Anchor.Caller;
import dev.anchor.system.journey.RunningSuite;
import dev.anchor.system.journey.Sinks;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One fault under load, start to end: the steady load starts; once it has opened a few issues the fault is injected,
 * and after its outage the part is brought back; the load runs on (at least {@link #LOAD} in all, and a few seconds
 * past the recovery) and ends by itself; then every created issue must be told exactly once (bounded), and the run
 * prints {@code fault=<kind> created=N emailed=N sms=N timeline=N duplicates=N lost=N recovery=Ns}.
 */
final class FaultRun {

    static final double RATE = Double.parseDouble(System.getProperty("faults.rate", "4"));
    static final Duration LOAD = Duration.ofSeconds(Long.getLong("faults.seconds", 20));
    static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final Duration TOLD_WITHIN = Duration.ofSeconds(120);
    /** How long every issue is watched for a late duplicate once all were told. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    /** The load after the recovery: the suite must take new work again, not only finish the old. */
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(4);

    /** What one run did and counted. {@code recovery} is null when the services were not ready within two minutes. */
    record Outcome(String kind, String injected, Tally tally, Duration recovery, int attempts,
                   Map<String, Integer> refused, int createdAfterBack, boolean toldInTime, Duration took) {

        String line() {
            return String.format("fault=%s created=%d emailed=%d sms=%d timeline=%d duplicates=%d lost=%d resent=%d "
                    + "recovery=%ss", kind, tally.created(), tally.emailed(), tally.sms(), tally.timeline(),
                    tally.duplicates().size(), tally.lost().size(), tally.resent().size(), recovery == null ? ">120" : String.format("%.1f", recovery.toMillis() / 1000.0));
        }
    }

    private final RunningSuite suite;
    private final SuiteProcesses processes;
    private final Anchor anchor;
    private final Sinks sinks;
    private final Caller agent = Caller.agent("system-tests.faults");

    FaultRun(RunningSuite suite, SuiteProcesses processes) {
        this.suite = suite;
        this.processes = processes;
        this.anchor = new Anchor(suite);
        this.sinks = new Sinks(suite);
        suite.token(agent.role(), agent.sub()); // minted before any load
    }

    Outcome run(Fault fault) {
        Instant t0 = Instant.now();
        if (!processes.allReady()) {
            processes.up(); // an earlier run left the suite broken: each fault starts from a whole suite
        }
        String run = Anchor.unique(6);
        Ledger ledger = new Ledger(anchor, sinks, agent);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        try (SteadyLoad load = new SteadyLoad(anchor, ledger, agent, run, RATE)) {
            load.start();
            // a few seconds in, and only once the suite is seen at work
            Awaitility.await("the load opens issues before the fault").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(() -> ledger.created() >= Math.max(3, (int) (RATE * 3)));
            Instant injectedAt = Instant.now();
            String injected = fault.inject(ledger);
            System.out.printf("[faults] %s: %s at +%.1f s of load%n", fault.kind(), injected,
                    Duration.between(load.since(), injectedAt).toMillis() / 1000.0);
            Instant back = clock.schedule(fault::restore, fault.outage().toMillis(), TimeUnit.MILLISECONDS)
                    .get(fault.outage().toMinutes() + 6, TimeUnit.MINUTES);
            Duration recovery = processes.awaitAllReady(back, READY_WITHIN);
            if (recovery == null) {
                recovery = processes.awaitAllReady(back, Duration.ofMinutes(2)); // the true figure, for the report
            }
            System.out.printf("[faults] %s: back %.1f s after the injection, all four services ready %s%n", fault.kind(),
                    Duration.between(injectedAt, back).toMillis() / 1000.0,
                    recovery == null ? "not within 2 min" : String.format("%.1f s later", recovery.toMillis() / 1000.0));
            Instant end = load.since().plus(LOAD);
            Instant afterRecovery = Instant.now().plus(AFTER_RECOVERY);
            load.finishAt(end.isAfter(afterRecovery) ? end : afterRecovery);
            load.awaitFinished();
            boolean toldInTime = ledger.awaitEveryIssueTold(TOLD_WITHIN);
            if (toldInTime) {
                ledger.staysFreeOfDuplicates(QUIET);
            }
            Tally tally = ledger.tally();
            Outcome outcome = new Outcome(fault.kind(), injected, tally, recovery, load.attempts(), ledger.refusals(),
                    ledger.createdSince(back), toldInTime, Duration.between(t0, Instant.now()));
            System.out.printf("[faults] %s: %d attempts in %.1f s, refused %s, %d created after the recovery; "
                            + "took %d s%n", fault.kind(), outcome.attempts(),
                    Duration.between(load.since(), Instant.now()).toMillis() / 1000.0, outcome.refused(),
                    outcome.createdAfterBack(), outcome.took().toSeconds());
            tally.duplicates().forEach(d -> System.out.println("[faults] " + fault.kind() + " duplicate: " + d));
            tally.lost().forEach(l -> System.out.println("[faults] " + fault.kind() + " lost: " + l));
            tally.resent().forEach(r -> System.out.println("[faults] " + fault.kind() + " resent after the crash: " + r));
            tally.lostWithTheCatcher().forEach(l -> System.out.println("[faults] " + fault.kind()
                    + " accepted by GreenMail just before it was killed (gone with its memory): " + l));
            System.out.println(outcome.line());
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(fault.kind() + ": bringing it back failed", e);
        } finally {
            clock.shutdownNow();
        }
    }
}
