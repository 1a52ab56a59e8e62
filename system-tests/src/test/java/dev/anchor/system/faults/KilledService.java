package dev.anchor.system.faults;

import java.time.Duration;
import java.time.Instant;

/** A service killed with SIGKILL (no shutdown hook, nothing flushed) and started again at once by {@code ./suite up}. */
final class KilledService implements Fault {

    private final SuiteProcesses processes;
    private final String service;

    KilledService(SuiteProcesses processes, String service) {
        this.processes = processes;
        this.service = service;
    }

    @Override
    public String kind() {
        return "kill-" + service + "-service";
    }

    @Override
    public String inject(Ledger ledger) {
        return "SIGKILL " + service + "-service (pid " + processes.kill(SuiteProcesses.Part.service(service)) + ")";
    }

    @Override
    public Duration outage() {
        return Duration.ZERO; // down for as long as its restart takes
    }

    @Override
    public Instant restore() {
        Instant relaunched = Instant.now();
        processes.up(); // starts only the missing service and waits until it is ready
        return relaunched;
    }
}
