package dev.anchor.blocks.replica;

import java.util.Locale;

/** Where a replicated aggregate stands: active until merged into another or erased, both of which are final. */
public enum ReplicaStatus {
    ACTIVE, MERGED, ERASED;

    /** The value as events and the database spell it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != ACTIVE;
    }

    /** Reads an event's or a column's value; null means active (a state that did not say). */
    public static ReplicaStatus of(String value) {
        if (value == null) {
            return ACTIVE;
        }
        for (ReplicaStatus status : values()) {
            if (status.value().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown replica status " + value);
    }
}
