package dev.anchor.issue.domain;

import dev.anchor.blocks.http.ETags;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.issue.persistence.IssueRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Finds an issue by id or by the number the customer reads out; an unknown one is a 404. */
@ApplicationScoped
public class IssueFinder {

    private final IssueRepository issues;

    public IssueFinder(IssueRepository issues) {
        this.issues = issues;
    }

    public Issue get(String idOrNumber) {
        UUID id = parseUuid(idOrNumber);
        if (id != null) {
            return get(id);
        }
        String number = idOrNumber == null ? null : IssueNumbers.normalise(idOrNumber);
        if (number == null) {
            return notFound(idOrNumber);
        }
        return issues.findByNumber(number).orElseGet(() -> notFound(idOrNumber));
    }

    public Issue get(UUID id) {
        Issue issue = issues.findById(id);
        return issue != null ? issue : notFound(id);
    }

    /** The issue to change, locked for this transaction and checked against {@code If-Match}. */
    public Issue forUpdate(String idOrNumber, String ifMatch) {
        Issue issue = issues.lock(get(idOrNumber).id);
        ETags.checkIfMatch(ifMatch, issue.version);
        return issue;
    }

    private static Issue notFound(Object id) {
        throw Problems.notFound("Issue", id);
    }

    private static UUID parseUuid(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
