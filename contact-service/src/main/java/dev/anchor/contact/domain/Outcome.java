package dev.anchor.contact.domain;

/** How an interaction ended; a closed list so it stays free of personal data and can be counted after erasure. */
public enum Outcome {
    resolved, information_given, follow_up, escalated, no_answer, left_message, other
}
