package dev.anchor.issue.domain;

import dev.anchor.blocks.replica.ReplicaStatus;
import dev.anchor.blocks.replica.VersionedReplica;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What issue-service knows about a customer, kept up to date from customer.events. */
@Entity
@Table(name = "customer_replica")
public class CustomerReplica implements VersionedReplica {

    @Id
    public UUID id;
    public String displayName;
    public String language;
    public String timeZone;
    /** {@link ReplicaStatus#value()}: active, merged or erased. */
    public String status;
    public UUID mergedInto;
    public long version;
    public OffsetDateTime updatedAt;

    public boolean isActive() {
        return replicaStatus() == ReplicaStatus.ACTIVE;
    }

    @Override
    public long replicaVersion() {
        return version;
    }

    @Override
    public ReplicaStatus replicaStatus() {
        return ReplicaStatus.of(status);
    }

    @Override
    public UUID replicaMergedInto() {
        return mergedInto;
    }
}
