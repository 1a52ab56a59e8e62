package dev.anchor.contact.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What contact-service knows of a customer, from customer.events. Merged and erased records remain as markers. */
@Entity
@Table(name = "customer_replica")
public class CustomerReplica {

    public static final String ACTIVE = "active";
    public static final String MERGED = "merged";
    public static final String ERASED = "erased";

    @Id
    public UUID id;
    public String status;
    public String displayName;
    public String preferredChannel;
    /** JSON of the current mailing address, as customer.events carries it. */
    public String mailingAddress;
    public UUID mergedInto;
    public long version;
    public OffsetDateTime updatedAt;

    public boolean erased() {
        return ERASED.equals(status);
    }

    public boolean merged() {
        return MERGED.equals(status);
    }

    void clearPersonalData() {
        displayName = null;
        preferredChannel = null;
        mailingAddress = null;
    }
}
