package dev.anchor.customer.domain;

/** Filters for finding customers; all optional, combined with AND. */
public record SearchCriteria(String email, String phone, String name, String reference, String system) {
}
