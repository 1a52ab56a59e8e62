package dev.anchor.blocks.refusal;

import java.util.Set;

/** The versions a change was made against (those the client read); any version when it did not say. */
public final class ExpectedVersion {

    private static final ExpectedVersion ANY = new ExpectedVersion(null);

    private final Set<Long> versions;

    private ExpectedVersion(Set<Long> versions) {
        this.versions = versions;
    }

    public static ExpectedVersion any() {
        return ANY;
    }

    /** One of {@code versions} (none: no version can match). */
    public static ExpectedVersion oneOf(Set<Long> versions) {
        return new ExpectedVersion(Set.copyOf(versions));
    }

    /** Throws {@link StaleVersion} unless {@code current} is expected. */
    public void check(long current) {
        if (versions != null && !versions.contains(current)) {
            throw new StaleVersion(current);
        }
    }
}
