package dev.anchor.issue.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who the customer deals with, and how they reach us ({@code anchor.organisation.*}): named on the status page where
 * the customer may need to change an appointment or get a new link.
 */
@ConfigMapping(prefix = "anchor.organisation")
public interface Organisation {

    @WithDefault("Anchor")
    String name();

    @WithDefault("+44 20 7946 0000")
    String phone();

    @WithDefault("help@anchor.example")
    String email();
}
