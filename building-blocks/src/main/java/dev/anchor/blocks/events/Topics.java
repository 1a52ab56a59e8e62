package dev.anchor.blocks.events;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Kafka topic names: the contract's name (customer.events …) behind an optional {@code anchor.events.topic-prefix},
 * which the test profile sets so that tests and a suite running beside them never read each other's events.
 */
public final class Topics {

    public static final String PREFIX = "anchor.events.topic-prefix";

    private Topics() {
    }

    /** The topic {@code name} is published on and read from here. */
    public static String named(String name) {
        return ConfigProvider.getConfig().getOptionalValue(PREFIX, String.class).orElse("") + name;
    }
}
