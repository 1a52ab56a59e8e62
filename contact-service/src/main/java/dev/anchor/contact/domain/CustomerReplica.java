package dev.anchor.contact.domain;

import dev.anchor.blocks.replica.ReplicaStatus;
import dev.anchor.blocks.replica.VersionedReplica;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What contact-service knows of a customer, from customer.events. Merged and erased records remain as markers. */
@Entity
@Table(name = "customer_replica")
public class CustomerReplica implements VersionedReplica {

    @Id
    public UUID id;
    /** {@link ReplicaStatus#value()}: active, merged or erased. */
    public String status;
    public String displayName;
    public String preferredChannel;
    /** JSON of the current mailing address, as customer.events carries it. */
    public String mailingAddress;
    public UUID mergedInto;
    /** The version of the last state applied; -1 for a record first heard of through a merge or an erasure. */
    public long version;
    public OffsetDateTime updatedAt;

    public boolean erased() {
        return replicaStatus() == ReplicaStatus.ERASED;
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

    void clearPersonalData() {
        displayName = null;
        preferredChannel = null;
        mailingAddress = null;
    }
}
