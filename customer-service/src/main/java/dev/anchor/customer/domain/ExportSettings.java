package dev.anchor.customer.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** What an operator may tune about subject access exports ({@code anchor.export.*}). */
@ConfigMapping(prefix = "anchor.export")
public interface ExportSettings {

    /** The services ({@code quarkus.application.name}) each expected to contribute one part to every export. */
    @WithDefault("issue-service,contact-service,notification-service")
    List<String> contributors();

    /** How long after the request an export still missing parts answers with what arrived (status incomplete). */
    @WithDefault("PT10M")
    Duration deadline();

    /** How long an export and its parts are kept after the request: they hold personal data. */
    @WithDefault("P7D")
    Duration retention();
}
