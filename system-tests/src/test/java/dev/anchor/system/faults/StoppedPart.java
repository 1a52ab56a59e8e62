package dev.anchor.system.faults;

import dev.anchor.system.faults.SuiteProcesses.Part;

import java.time.Duration;
import java.time.Instant;

/**
 * A piece of infrastructure the services depend on — the Kafka broker, GreenMail, the SMS sink — stopped for a while
 * and started again the way the launcher does it ({@code ./suite up} starts only what is not running).
 */
final class StoppedPart implements Fault {

    private final SuiteProcesses processes;
    private final String kind;
    private final Part part;
    private final Duration outage;
    private final boolean kill;
    private String owner;

    private StoppedPart(SuiteProcesses processes, String kind, Part part, Duration outage, boolean kill) {
        this.processes = processes;
        this.kind = kind;
        this.part = part;
        this.outage = outage;
        this.kill = kill;
    }

    /** The broker stopped as an operator stops it (SIGTERM, as ./suite down does). */
    static StoppedPart kafka(SuiteProcesses processes, Duration outage) {
        return new StoppedPart(processes, "kafka-stopped", Part.KAFKA, outage, false);
    }

    /** The SMTP server crashing: SIGKILL, so what it had accepted is not in doubt (it keeps mail in memory). */
    static StoppedPart greenMail(SuiteProcesses processes, Duration outage) {
        return new StoppedPart(processes, "smtp-stopped", Part.SMTP, outage, true);
    }

    static StoppedPart smsSink(SuiteProcesses processes, Duration outage) {
        return new StoppedPart(processes, "sms-stopped", Part.SMS, outage, false);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String inject(Ledger ledger) {
        owner = processes.state("kafka.owner");
        if (part == Part.SMTP) {
            ledger.harvestMail(); // GreenMail forgets its mail when it stops: count what it holds first
        }
        long pid = kill ? processes.kill(part) : processes.stop(part, Duration.ofSeconds(60));
        if (part == Part.SMTP) {
            ledger.catcherGone();
        }
        return (kill ? "SIGKILL " : "SIGTERM ") + part.name() + " (pid " + pid + ") for " + outage.toSeconds() + " s";
    }

    @Override
    public Duration outage() {
        return outage;
    }

    @Override
    public Instant restore() {
        processes.up(); // returns once the part listens again (and the services are all running)
        Instant back = Instant.now();
        if (part == Part.KAFKA && owner != null) {
            // ./suite up marks the broker as its own; under ./suite test it stays the test run's, stopped at its end
            processes.state("kafka.owner", owner);
        }
        return back;
    }
}
