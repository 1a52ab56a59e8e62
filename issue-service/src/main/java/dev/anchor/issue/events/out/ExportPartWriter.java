package dev.anchor.issue.events.out;

import dev.anchor.blocks.export.ExportParts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Writes issue-service's part of a subject-access export to the outbox (export.parts), in the reading's transaction. */
@ApplicationScoped
public class ExportPartWriter {

    private final ExportParts parts;

    public ExportPartWriter(ExportParts parts) {
        this.parts = parts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(UUID exportId, UUID customerId, ExportPartState part) {
        parts.contribute(exportId, customerId, part);
    }
}
