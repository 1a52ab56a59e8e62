package dev.anchor.blocks.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One event waiting to be relayed to Kafka; written in the same transaction as the change it describes. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_message_seq")
    @SequenceGenerator(name = "outbox_message_seq", sequenceName = "outbox_message_seq", allocationSize = 1)
    public Long position;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String key;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
