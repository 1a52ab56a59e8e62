package dev.anchor.contact.domain;

import java.util.Set;

/** The versions a change was based on (any one will do); {@link #ANY} when the caller did not say. */
public record ExpectedVersions(Set<Long> versions) {

    public static final ExpectedVersions ANY = new ExpectedVersions(null);

    public ExpectedVersions {
        versions = versions == null ? null : Set.copyOf(versions);
    }

    /** Passes when any version will do or {@code current} is one of them; {@link StaleVersion} otherwise. */
    public void check(long current) {
        if (versions != null && !versions.contains(current)) {
            throw new StaleVersion(current);
        }
    }
}
