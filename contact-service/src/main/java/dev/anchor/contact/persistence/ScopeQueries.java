package dev.anchor.contact.persistence;

import dev.anchor.contact.domain.PartnerScope;

import java.util.Map;

/**
 * {@link PartnerScope} as JPQL: the one place the queries of contacts and timeline entries learn what a partner may
 * see, so every list and every total is computed over the same scope.
 */
final class ScopeQueries {

    /** The issues shared with {@code :scopeLocation}. */
    private static final String SHARED_ISSUES =
            "(select i.id from IssueReplica i join i.locations shared where shared = :scopeLocation)";

    private ScopeQueries() {
    }

    /** A contact ({@code c}) logged at the location or about an issue shared with it; null when the scope is unlimited. */
    static String contacts(PartnerScope scope, Map<String, Object> params) {
        if (scope == null || !scope.limited()) {
            return null;
        }
        if (scope.location() == null) {
            return "1 = 0";
        }
        params.put("scopeLocation", scope.location());
        return "(c.locationId = :scopeLocation or c.issueId in " + SHARED_ISSUES + ")";
    }

    /**
     * A timeline entry ({@code t}) that is not internal and is a contact's line visible by {@link #contacts}'s rule, or
     * belongs to an issue shared with the location (its history, its notifications); null when the scope is unlimited.
     */
    static String timeline(PartnerScope scope, Map<String, Object> params) {
        if (scope == null || !scope.limited()) {
            return null;
        }
        if (scope.location() == null) {
            return "1 = 0";
        }
        params.put("scopeLocation", scope.location());
        return "t.internal = false and ((t.kind = 'contact' and t.locationId = :scopeLocation) or t.issueId in "
                + SHARED_ISSUES + ")";
    }
}
