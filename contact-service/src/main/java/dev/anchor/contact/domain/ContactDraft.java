package dev.anchor.contact.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Everything a client writes about a contact: the body of POST /contacts, the target of an amendment. */
public record ContactDraft(
        @NotNull UUID customerId,
        UUID issueId,
        @NotNull Channel channel,
        @NotNull Direction direction,
        @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7e]*", message = "must be visible ASCII without spaces") String agentId,
        @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7e]*", message = "must be visible ASCII without spaces") String locationId,
        @NotNull OffsetDateTime occurredAt,
        @PositiveOrZero @Max(86_400) Integer durationSeconds,
        @NotBlank @Size(max = 2000) String summary,
        @Size(max = 4000) String internalNotes,
        @NotNull Outcome outcome,
        @Schema(description = "The customer asked to receive the summary (default false); notification-service sends it "
                + "once, on contact.logged. Set when logging only: an amendment cannot change it.")
        Boolean summaryRequested) {

    ContactDraft withCustomer(UUID id) {
        return new ContactDraft(id, issueId, channel, direction, agentId, locationId, occurredAt, durationSeconds, summary,
                internalNotes, outcome, summaryRequested);
    }

    ContactDraft withLocation(String location) {
        return new ContactDraft(customerId, issueId, channel, direction, agentId, location, occurredAt, durationSeconds,
                summary, internalNotes, outcome, summaryRequested);
    }
}
