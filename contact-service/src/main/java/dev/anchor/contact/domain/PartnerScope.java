package dev.anchor.contact.domain;

/**
 * What of a customer a caller may see: the one rule behind every partner-callable read (a contact, a customer's
 * contacts and their count, the timeline and its count).
 *
 * <ul>
 *   <li>staff and services ({@link #EVERYTHING}) see everything;</li>
 *   <li>a partner sees a <b>contact</b> logged at its location, or about an issue shared with its location;</li>
 *   <li>and of the <b>timeline</b>: those contacts' lines, and the issue history and notifications of the issues shared
 *       with its location — never an internal entry, never a notification about no issue or another issue.</li>
 * </ul>
 *
 * An issue is shared with a location when the issue replica's {@link IssueReplica#locations} holds it (learnt from
 * issue.events); an issue contact-service has not heard of is shared with nobody. A partner with no location sees
 * nothing (the API refuses such a token before it gets here). The persistence layer expresses the same rule in its
 * queries, so lists and their totals count only what the caller may see.
 */
public record PartnerScope(boolean limited, String location) {

    public static final PartnerScope EVERYTHING = new PartnerScope(false, null);

    public static PartnerScope of(Caller caller) {
        return caller.partner() ? new PartnerScope(true, caller.location()) : EVERYTHING;
    }

    /** Whether {@code contact} is visible; {@code issue} is the replica of the issue it is about, or null. */
    public boolean sees(Contact contact, IssueReplica issue) {
        if (!limited) {
            return true;
        }
        if (location == null) {
            return false;
        }
        return location.equals(contact.locationId) || sharedWithMe(issue);
    }

    /** Whether {@code issue} is shared with this scope's location (always, for an unlimited scope). */
    public boolean sharedWithMe(IssueReplica issue) {
        return !limited || (location != null && issue != null && issue.sharedWith(location));
    }

    /** Partners may change contacts logged at their own location only, even those they may read. */
    public boolean mayChange(Contact contact) {
        return !limited || (location != null && location.equals(contact.locationId));
    }
}
