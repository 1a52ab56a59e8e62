package dev.anchor.issue.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** What an operator may tune: the reopen window and the SLA clocks per priority ({@code anchor.issues.*}). */
@ConfigMapping(prefix = "anchor.issues")
public interface IssueSettings {

    /** How long after closing the customer or an agent may still reopen an issue. */
    @WithDefault("P14D")
    Duration reopenWindow();

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
