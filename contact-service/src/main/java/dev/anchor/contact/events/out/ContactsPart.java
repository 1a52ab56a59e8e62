package dev.anchor.contact.events.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * contact-service's part of a subject-access export: everything it holds about the customer, as the customer reads
 * it — people by the name they gave, never a login id; issues by their number. An erased customer's part keeps only
 * the non-personal facts of their contacts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection // written by Jackson into the outbox (native image)
public record ContactsPart(
        UUID customerId,
        boolean erased,
        Customer customer,
        List<Contact> contacts,
        List<Issue> issues,
        List<TimelineLine> timeline) {

    /** What contact-service keeps of the customer's record for the agents' summary. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Customer(String name, String preferredChannel, JsonNode mailingAddress) {
    }

    /** One interaction: who the customer dealt with is {@code by} (a name) and/or {@code location}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Contact(OffsetDateTime occurredAt, String channel, String direction, Integer durationSeconds,
                          String summary, String internalNotes, String outcome, boolean summaryRequested,
                          String issueNumber, String by, String location, List<Amendment> amendments,
                          List<File> attachments) {
    }

    /** A file the customer emailed with the contact: what it is, not its bytes (staff can send those on request). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record File(String fileName, String mediaType, long size) {
    }

    /** A correction of a contact: when, why, which fields, and their values before and after. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Amendment(OffsetDateTime at, String reason, List<String> fields, JsonNode changes) {
    }

    /** An issue as contact-service knows it, with its next action. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Issue(String number, String title, String status, String nextAction, String nextActionBy,
                        OffsetDateTime nextActionDueAt) {
    }

    /** One line of the customer's timeline: a contact, an issue event or a message sent to them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record TimelineLine(OffsetDateTime occurredAt, String kind, String type, String channel, String issueNumber,
                               boolean internal, String text, String by) {
    }
}
