package dev.anchor.issue.events.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.List;
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
        List<String> locations,
        Appointment appointment,
        OffsetDateTime closesAt,
        OffsetDateTime reopenableUntil,
        long version,
        OffsetDateTime openedAt,
        OffsetDateTime updatedAt) {

    /** An agent as the customer meets them: an id and the name they go by. */
    @RegisterForReflection
    public record Person(String id, String displayName) {
    }

    /**
     * The next expected action: what happens, who does it ({@code agent}, {@code customer}, {@code partner}), by when,
     * and where ({@code locationId}, when it says so); {@code revisedDueAt} once a step of ours went overdue.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NextAction(String what, String who, OffsetDateTime dueAt, String locationId, Place place,
                             OffsetDateTime revisedDueAt) {
    }

    /**
     * A store or repair centre as the directory had it ({@code $defs/place}): {@code kind} {@code store} or
     * {@code repair_centre}, IANA {@code timeZone}, opening hours in local {@code HH:MM}.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Place(String locationId, String name, String kind, Address address, String phone, String timeZone,
                        List<Hours> openingHours) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(List<String> lines, String city, String postalCode, String country) {
    }

    @RegisterForReflection
    public record Hours(List<String> days, String opens, String closes) {
    }

    /** The upcoming booking: {@code kind} {@code repair} or {@code visit}; {@code bring} what to bring. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Appointment(java.util.UUID actionId, String kind, OffsetDateTime scheduledAt, Place place,
                              String bring) {
    }
}
