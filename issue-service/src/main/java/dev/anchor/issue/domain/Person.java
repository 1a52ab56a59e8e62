package dev.anchor.issue.domain;

/** An agent as the customer meets them: an id and the name they go by. */
public record Person(String id, String displayName) {
}
