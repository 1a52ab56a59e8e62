package dev.anchor.contact.domain;

/** A change was based on another version than the current one: the caller must read again and reapply it. */
public class StaleVersion extends RuntimeException {

    private final long currentVersion;

    public StaleVersion(long currentVersion) {
        super("the current version is " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
