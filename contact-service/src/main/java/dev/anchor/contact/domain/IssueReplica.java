package dev.anchor.contact.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What contact-service knows of an issue, from issue.events: enough for the summary's open issues, and the locations
 * it is shared with, which decide what partners see ({@link PartnerScope}).
 */
@Entity
@Table(name = "issue_replica")
public class IssueReplica {

    @Id
    public UUID id;
    public UUID customerId;
    public String number;
    public String title;
    public String status;
    public String nextActionWhat;
    public String nextActionWho;
    public OffsetDateTime nextActionDueAt;
    public long version;
    public OffsetDateTime updatedAt;
    /** The stores and repair partners the issue is shared with (issue.locationId, issue.shared, issue.unshared). */
    @ElementCollection
    @CollectionTable(name = "issue_replica_location", joinColumns = @JoinColumn(name = "issue_id"))
    @Column(name = "location_id")
    public Set<String> locations = new HashSet<>();

    public boolean sharedWith(String location) {
        return location != null && locations.contains(location);
    }

    public boolean open() {
        return !"resolved".equals(status) && !"closed".equals(status);
    }
}
