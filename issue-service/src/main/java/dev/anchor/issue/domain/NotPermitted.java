package dev.anchor.issue.domain;

/** The actor may not do this to the issue (not its owner, not a supervisor, a partner's limits): answered 403. */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String detail) {
        super(detail);
    }
}
