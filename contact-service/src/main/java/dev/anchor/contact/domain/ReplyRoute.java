package dev.anchor.contact.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The Reply-To token of an email we sent about an issue (learned from notification.sent): a reply to it is about it. */
@Entity
@Table(name = "reply_route")
public class ReplyRoute {

    @Id
    public String token;
    public UUID issueId;
    public UUID customerId;
    public OffsetDateTime createdAt;
}
