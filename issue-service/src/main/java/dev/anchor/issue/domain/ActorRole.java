package dev.anchor.issue.domain;

/** Who made a change: staff by role, the customer through the status page, or the system. */
public enum ActorRole {
    agent, supervisor, partner, customer, system
}
