package dev.anchor.customer.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** Everything held about a customer when it was exported: the record and those merged into it. */
public record CustomerExport(OffsetDateTime exportedAt, Customer customer, List<Customer> mergedRecords) {
}
