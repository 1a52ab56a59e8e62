package dev.anchor.issue.domain;

/** Who a next action waits on. */
public enum Party {
    agent, customer, partner
}
