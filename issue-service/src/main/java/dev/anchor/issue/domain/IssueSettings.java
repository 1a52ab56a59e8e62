package dev.anchor.issue.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * What an operator may tune: the reopen window, the new time an overdue step of ours gets, and the SLA clocks per
 * priority ({@code anchor.issues.*}).
 */
@ConfigMapping(prefix = "anchor.issues")
public interface IssueSettings {

    /** How long after closing the customer or an agent may still reopen an issue. */
    @WithDefault("P14D")
    Duration reopenWindow();

    /** How long a resolved issue stays resolved before it closes itself (unless the customer says it is not fixed). */
    @WithDefault("P7D")
    Duration autoCloseAfter();

    /**
     * When a step of ours goes overdue, the new time the customer is told to expect it by: this long after the watch
     * noticed. Zero or negative promises no new time (the page and the message then only say it is late).
     */
    @WithDefault("P1D")
    Duration overdueGrace();

    /** How often overdue next actions and SLA breaches are looked for (e.g. {@code 30s}); read by OverdueWatch. */
    @WithDefault("30s")
    String overdueCheck();

    /** SLA clocks per priority ({@code low}, {@code normal}, {@code high}, {@code urgent}). */
    Map<String, Sla> sla();

    interface Sla {
        Duration firstResponse();

        Duration resolution();
    }

    default Sla slaFor(Priority priority) {
        Sla sla = sla().get(priority.name());
        if (sla == null) {
            throw new IllegalStateException("No SLA configured for priority " + priority
                    + " (anchor.issues.sla." + priority + ".first-response / .resolution)");
        }
        return sla;
    }
}
