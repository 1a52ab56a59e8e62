package dev.anchor.customer.api;

import dev.anchor.customer.domain.ExportProgress;
import dev.anchor.customer.domain.ExportStatus;
import dev.anchor.customer.domain.ReceivedPart;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An export still waiting for parts: which services have answered and which are awaited. */
@RegisterForReflection // stored by IdempotentCreates as JSON outside a REST return type (native image)
public record ExportStatusView(UUID exportId, UUID customerId, OffsetDateTime requestedAt, ExportStatus status,
                               List<String> received, List<String> awaiting) {

    public static ExportStatusView of(ExportProgress progress) {
        return new ExportStatusView(progress.job().id, progress.job().customerId, progress.job().requestedAt,
                progress.status(), progress.received().stream().map(ReceivedPart::service).toList(),
                progress.awaiting());
    }
}
