package dev.anchor.customer.domain;

import java.util.Optional;

/** What a message is about, as consent is given per category: critical messages are always sent. */
public enum ConsentCategory {
    critical, service, marketing;

    /** The category named exactly {@code name}, or empty. */
    public static Optional<ConsentCategory> named(String name) {
        for (ConsentCategory category : values()) {
            if (category.name().equals(name)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
