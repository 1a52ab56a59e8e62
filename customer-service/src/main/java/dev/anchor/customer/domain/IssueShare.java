package dev.anchor.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/**
 * One customer's issue shared with one location (a store or repair partner), as issue.events said: its partners may
 * read the customer. Mapped so that queries can name it; written by persistence/ with plain statements.
 */
@Entity
@Table(name = "issue_share")
@IdClass(IssueShare.Key.class)
public class IssueShare {

    @Id
    public UUID issueId;

    @Id
    public String locationId;

    @Column(nullable = false)
    public UUID customerId;

    /** The row's identity: an issue is shared with a location once. */
    public record Key(UUID issueId, String locationId) implements Serializable {
    }
}
