package dev.anchor.issue.domain;

/** A well-formed request the issue's facts rule out (an unknown or erased customer, a handoff to the owner): 422. */
public class Refused extends RuntimeException {

    public Refused(String detail) {
        super(detail);
    }
}
