package dev.anchor.customer.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An export as it stands: the parts received (in the order of the configured contributors), those still awaited,
 * and — once it is complete or past its deadline — when it was done and customer-service's own record.
 */
public record ExportProgress(ExportJob job, ExportStatus status, List<ReceivedPart> received, List<String> awaiting,
                             OffsetDateTime completedAt, CustomerExport customer) {

    public boolean finished() {
        return status != ExportStatus.pending;
    }
}
