package dev.anchor.issue.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an issue stands, with the label an agent reads and the one a customer reads. {@link #next()} is what
 * {@code POST /issues/{id}/status} may move to; closing and reopening have their own operations.
 */
public enum IssueStatus {
    open("Open", "We have your request"),
    in_progress("In progress", "We are working on it"),
    waiting_on_customer("Waiting on customer", "We need something from you"),
    waiting_on_partner("Waiting on partner", "Waiting on our partner"),
    resolved("Resolved", "Resolved"),
    closed("Closed", "Closed");

    private static final Map<IssueStatus, List<IssueStatus>> NEXT = Map.of(
            open, List.of(in_progress, waiting_on_customer, waiting_on_partner, resolved),
            in_progress, List.of(waiting_on_customer, waiting_on_partner, resolved),
            waiting_on_customer, List.of(in_progress, waiting_on_partner, resolved),
            waiting_on_partner, List.of(in_progress, waiting_on_customer, resolved),
            resolved, List.of(),
            closed, List.of());

    private final String agentLabel;
    private final String customerLabel;

    IssueStatus(String agentLabel, String customerLabel) {
        this.agentLabel = agentLabel;
        this.customerLabel = customerLabel;
    }

    public String agentLabel() {
        return agentLabel;
    }

    public String customerLabel() {
        return customerLabel;
    }

    /** Statuses a status change may move to from here. */
    public List<IssueStatus> next() {
        return NEXT.get(this);
    }

    /** Every transition out of this status, including the {@code close} and {@code reopen} operations. */
    public List<String> allowedTransitions() {
        List<String> allowed = new java.util.ArrayList<>(next().stream().map(Enum::name).toList());
        if (this != closed) {
            allowed.add("close");
        }
        if (Set.of(resolved, closed).contains(this)) {
            allowed.add("reopen");
        }
        return allowed;
    }

    public boolean isDone() {
        return this == resolved || this == closed;
    }
}
