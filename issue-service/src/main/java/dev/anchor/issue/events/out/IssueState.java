package dev.anchor.issue.events.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An issue as every issue event carries it ({@code data.issue}, docs/events/issue.defs.schema.json). */
@RegisterForReflection // serialised by Jackson into the outbox, outside a REST return type (native image)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueState(
        UUID id,
        String number,
        UUID customerId,
        String title,
        String description,
        String category,
        String priority,
        String channel,
        String status,
        String statusLabel,
        String customerStatusLabel,
        Person owner,
        NextAction nextAction,
        UUID linkedIssueId,
        String locationId,
        long version,
        OffsetDateTime openedAt,
        OffsetDateTime updatedAt) {

    /** An agent as the customer meets them: an id and the name they go by. */
    @RegisterForReflection
    public record Person(String id, String displayName) {
    }

    /** The next expected action: what happens, who does it ({@code agent}, {@code customer}, {@code partner}), by when. */
    @RegisterForReflection
    public record NextAction(String what, String who, OffsetDateTime dueAt) {
    }
}
