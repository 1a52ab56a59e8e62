package dev.anchor.contact.api;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The body of POST /inbound-messages/{id}/assignment: the issue the message is about. */
public record AssignmentRequest(@NotNull UUID issueId) {
}
