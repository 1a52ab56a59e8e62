package dev.anchor.issue.domain;

import java.util.List;

/** A lifecycle step the issue's status does not allow: answered 409 with the transitions that are allowed. */
public class TransitionRefused extends RuntimeException {

    private final IssueStatus status;
    private final List<String> allowed;

    public TransitionRefused(IssueStatus status, String attempted) {
        super("An issue that is " + status + " cannot " + attempted + "; allowed from here: "
                + (status.allowedTransitions().isEmpty() ? "none" : String.join(", ", status.allowedTransitions())));
        this.status = status;
        this.allowed = status.allowedTransitions();
    }

    /** Refused for a reason the status alone does not tell (a passed reopen window): nothing is allowed. */
    public TransitionRefused(IssueStatus status, String detail, List<String> allowed) {
        super(detail);
        this.status = status;
        this.allowed = allowed;
    }

    public IssueStatus status() {
        return status;
    }

    public List<String> allowed() {
        return allowed;
    }
}
