package dev.anchor.notification.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What the templates need of an issue, from issue.events. */
@Entity
@Table(name = "issue_replica")
public class IssueReplica {
    @Id
    public UUID id;
    public long version;
    public String number;
    public UUID customerId;
    public String title;
    public String status;
    public String statusLabel;
    public String priority;
    public String ownerName;
    public String ownerId;
    public String statusUrl;
    public OffsetDateTime updatedAt;
}
