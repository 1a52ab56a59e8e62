package dev.anchor.issue.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What issue-service knows about a customer, kept up to date from customer.events. */
@Entity
@Table(name = "customer_replica")
public class CustomerReplica {

    public static final String ACTIVE = "active";
    public static final String MERGED = "merged";
    public static final String ERASED = "erased";

    @Id
    public UUID id;
    public String displayName;
    public String language;
    public String timeZone;
    public String status;
    public UUID mergedInto;
    public long version;
    public OffsetDateTime updatedAt;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
