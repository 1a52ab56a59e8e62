package dev.anchor.issue.domain;

/**
 * What was done to resolve an issue: by its owner (or a supervisor), or a repair by the partner it is shared with;
 * {@code visit} books the customer's visit to a store.
 */
public enum ActionKind {
    refund, replacement, repair, repair_done, visit, other;

    /** A booking: the customer brings the item to, or comes to, a place at a time. */
    public boolean isBooking() {
        return this == repair || this == visit;
    }

    /** A store or repair partner books a repair and reports it done; money and goods stay with the owner. */
    public boolean partnerMay() {
        return this == repair || this == repair_done;
    }
}
