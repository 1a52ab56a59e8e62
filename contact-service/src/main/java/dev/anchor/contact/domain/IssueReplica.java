package dev.anchor.contact.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What contact-service knows of an issue, from issue.events: enough for the summary's open issues. */
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

    public boolean open() {
        return !"resolved".equals(status) && !"closed".equals(status);
    }
}
