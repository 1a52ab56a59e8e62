package dev.anchor.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A subject access export requested for one customer; the other services' parts arrive later (export.parts). */
@Entity
@Table(name = "export_job")
public class ExportJob {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public OffsetDateTime requestedAt;
}
