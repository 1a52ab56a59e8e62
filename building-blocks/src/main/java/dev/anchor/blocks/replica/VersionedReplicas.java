package dev.anchor.blocks.replica;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rules every replica of another service's aggregate follows, whatever it keeps: the newest version wins (events
 * may arrive late or twice), merged and erased are final, and a merged id is followed to its survivor.
 */
public final class VersionedReplicas {

    /** How many merges are followed before giving up (a chain longer than this is a data error). */
    static final int MAX_HOPS = 16;

    private VersionedReplicas() {
    }

    /** Whether a state of {@code incomingVersion} replaces {@code current} (null: not known yet). */
    public static boolean accepts(VersionedReplica current, long incomingVersion) {
        return current == null || (!current.replicaStatus().isFinal() && incomingVersion > current.replicaVersion());
    }

    /** Whether {@code current} (null: not known yet) may be marked merged: an erasure is never undone. */
    public static boolean canRetire(VersionedReplica current) {
        return current == null || current.replicaStatus() != ReplicaStatus.ERASED;
    }

    /**
     * The replica that speaks for {@code id} now: itself, or the survivor it was merged into (followed through chains
     * of merges). Empty when {@code id}, or a survivor on the way, is not known yet.
     */
    public static <R extends VersionedReplica> Optional<R> resolve(UUID id, Function<UUID, R> find) {
        R replica = find.apply(id);
        for (int hops = 0; replica != null && replica.replicaMergedInto() != null; hops++) {
            if (hops == MAX_HOPS) {
                return Optional.empty();
            }
            replica = find.apply(replica.replicaMergedInto());
        }
        return Optional.ofNullable(replica);
    }

    /** The id everything of {@code id} is kept under now: the last survivor its merges name (itself when none). */
    public static UUID currentId(UUID id, Function<UUID, ? extends VersionedReplica> find) {
        UUID current = id;
        VersionedReplica replica = find.apply(current);
        for (int hops = 0; replica != null && replica.replicaMergedInto() != null && hops < MAX_HOPS; hops++) {
            current = replica.replicaMergedInto();
            replica = find.apply(current);
        }
        return current;
    }
}
