package dev.anchor.issue.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * The next expected action on an issue: what happens, who does it, by when, and optionally where ({@code locationId}:
 * the store or repair centre, with which the issue is then shared), with a snapshot of the directory's entry for it;
 * {@code revisedDueAt} is the new time we gave the customer once a step of ours went overdue.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NextAction(String what, Party who, OffsetDateTime dueAt, String locationId, Place place,
                         OffsetDateTime revisedDueAt) {

    public NextAction(String what, Party who, OffsetDateTime dueAt, String locationId) {
        this(what, who, dueAt, locationId, null, null);
    }
}
