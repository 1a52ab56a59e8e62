package dev.anchor.customer.domain;

/**
 * Which customers a caller may read: staff and services ({@link #EVERYTHING}) all of them; a partner only the active
 * customers with an issue shared with its location (or with a record merged into them), which it learns from
 * issue.events ({@link IssueShares}). A customer a partner may not read is, to the partner, a customer that does not
 * exist. The API refuses a partner token without a location before it gets here.
 */
public record PartnerScope(String location) {

    public static final PartnerScope EVERYTHING = new PartnerScope(null);

    public static PartnerScope partnerAt(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("A partner's scope needs its location");
        }
        return new PartnerScope(location);
    }

    /** Whether this caller sees only what is shared with {@link #location}. */
    public boolean limited() {
        return location != null;
    }
}
