package dev.anchor.notification.domain;

import dev.anchor.blocks.replica.ReplicaStatus;
import dev.anchor.blocks.replica.VersionedReplica;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The replica of a customer: how to reach them and what they agreed to, as customer.events last told us. */
@Entity
@Table(name = "customer_contact")
public class CustomerContact implements VersionedReplica {
    @Id
    public UUID id;
    /** The version of the state last applied; -1 for a tombstone first heard of through a merge or erasure. */
    public long version;
    /** {@link ReplicaStatus#value()}: active, merged or erased (a tombstone without personal data). */
    public String status;
    public String displayName;
    public String email;
    public String phone;
    public String preferredChannel;
    public boolean fallbackAllowed;
    public String language;
    public String timeZone;
    public String quietStart;
    public String quietEnd;
    public boolean consentService = true;
    public boolean consentMarketing;
    public UUID mergedInto;
    public OffsetDateTime updatedAt;

    public boolean isActive() {
        return replicaStatus() == ReplicaStatus.ACTIVE;
    }

    /** Drops everything personal, keeping the id and version so late events cannot bring it back. */
    public void erase(OffsetDateTime at) {
        status = ReplicaStatus.ERASED.value();
        displayName = null;
        email = null;
        phone = null;
        preferredChannel = null;
        language = null;
        timeZone = null;
        quietStart = null;
        quietEnd = null;
        updatedAt = at;
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
