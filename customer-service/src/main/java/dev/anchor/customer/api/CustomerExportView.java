package dev.anchor.customer.api;

import dev.anchor.customer.domain.CustomerExport;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.List;

/** The answer to a subject access request: everything held about the customer. */
@RegisterForReflection // serialised by Jackson outside a REST return type (native image)
public record CustomerExportView(OffsetDateTime exportedAt, CustomerView customer, List<CustomerView> mergedRecords) {

    public static CustomerExportView of(CustomerExport export) {
        return new CustomerExportView(export.exportedAt(), CustomerView.of(export.customer()),
                export.mergedRecords().stream().map(CustomerView::of).toList());
    }
}
