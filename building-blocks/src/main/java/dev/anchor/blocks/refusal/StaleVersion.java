package dev.anchor.blocks.refusal;

/** The change was made against a version of the record other than the current one: read it again. */
public class StaleVersion extends RuntimeException {

    private final long currentVersion;

    public StaleVersion(long currentVersion) {
        super("The current version is " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
