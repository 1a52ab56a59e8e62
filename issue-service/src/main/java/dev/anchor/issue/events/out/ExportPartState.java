package dev.anchor.issue.events.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * issue-service's part of a subject-access export ({@code part} of export.part): what it holds about the customer, as
 * they would read it — the customer as it knows them, and every issue of theirs with its public history, their own
 * comments, the staff notes (labelled) and a listing of the files they sent. No token, hash or internal id of anyone else.
 */
@RegisterForReflection // serialised by Jackson into the outbox, outside a REST return type (native image)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportPartState(Customer customer, List<Issue> issues) {

    /** What issue-service keeps about the customer themselves, from customer.events (absent once erased). */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Customer(String displayName, String language, String timeZone) {
    }

    /**
     * One issue of the customer: {@code subject} is its title, {@code status} as the customer reads it,
     * {@code owners} everyone who owned it in order, {@code locations} the stores and repair partners it is shared with.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Issue(String number, String subject, String description, String category, String priority,
                        String channel, String status, List<String> owners, OffsetDateTime openedAt,
                        OffsetDateTime resolvedAt, OffsetDateTime closedAt, List<String> locations,
                        NextAction nextAction, List<Entry> history, List<Entry> customerComments,
                        List<StaffNote> staffNotes, List<File> attachments) {
    }

    /** A file the customer sent with the issue: listed, not included (the bytes stay with the issue). */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record File(String fileName, String mediaType, long size, String sha256, OffsetDateTime uploadedAt,
                       String uploadedBy) {
    }

    /**
     * The next expected action: what, who ({@code agent}, {@code customer}, {@code partner}), by when, where, and the
     * new time we gave once a step of ours went overdue.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NextAction(String what, String who, OffsetDateTime dueAt, String locationId,
                             OffsetDateTime revisedDueAt) {
    }

    /** A line of the public history (what the status page shows), or one of the customer's own comments. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(OffsetDateTime at, String by, String channel, String summary, String text) {
    }

    /** An entry only staff see (an internal comment, a message that was not sent…), with a label saying so. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StaffNote(String label, OffsetDateTime at, String by, String summary, String text) {
    }
}
