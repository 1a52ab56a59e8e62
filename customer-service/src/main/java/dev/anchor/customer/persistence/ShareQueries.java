package dev.anchor.customer.persistence;

/** The partner rule in JPQL, once: the read of one customer and the search (with its count) use the same condition. */
final class ShareQueries {

    /**
     * The customer {@code c} has an issue, or a record merged into it has one, shared with {@code :location}. Merges
     * move the shares to the survivor; the second branch keeps the rule true to its words whatever a row still names.
     */
    static final String SHARED_WITH_LOCATION = """
            exists (select 1 from IssueShare s where s.locationId = :location
                    and (s.customerId = c.id
                         or s.customerId in (select m.id from Customer m where m.mergedInto = c.id)))""";

    private ShareQueries() {
    }
}
