package dev.anchor.issue.domain;

/** Who a next action waits on. */
public enum Party {
    agent, customer, partner;

    /** Ours: an agent's or a partner's step (they work for us); only the customer's own step is not. */
    public boolean isOurs() {
        return this != customer;
    }
}
