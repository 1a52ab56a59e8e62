package dev.anchor.blocks.replica;

import java.util.UUID;

/** A local copy of another service's aggregate, as {@link VersionedReplicas} needs to see it. */
public interface VersionedReplica {

    /** The version of the state last applied; a replica first heard of through a merge or erasure has -1. */
    long replicaVersion();

    ReplicaStatus replicaStatus();

    /** The survivor this replica was merged into, or null. */
    UUID replicaMergedInto();
}
