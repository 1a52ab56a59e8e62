package dev.anchor.system.faults;

import java.time.Duration;
import java.time.Instant;

/** One kind of failure a {@link FaultRun} injects into the running suite while the steady load runs. */
interface Fault {

    /** The name in the printed line: {@code fault=<kind>}. */
    String kind();

    /**
     * Breaks the suite; answers what was done, for the report. {@code ledger} is what the run has counted so far, for a
     * fault that takes evidence away with it (GreenMail keeps its mail in memory).
     */
    String inject(Ledger ledger);

    /** How long the part stays broken before {@link #restore()}. */
    Duration outage();

    /** Brings it back; answers the moment it was back (the dependency answering again, or the service relaunched). */
    Instant restore();
}
