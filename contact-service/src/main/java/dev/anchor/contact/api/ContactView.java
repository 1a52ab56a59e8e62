package dev.anchor.contact.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anchor.contact.domain.Caller;
import dev.anchor.contact.domain.Channel;
import dev.anchor.contact.domain.Contact;
import dev.anchor.contact.domain.Direction;
import dev.anchor.contact.domain.Outcome;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A contact as the API answers it; {@code internalNotes} only for staff and services, never for partners. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactView(
        UUID id,
        UUID customerId,
        UUID issueId,
        Channel channel,
        Direction direction,
        String agentId,
        String locationId,
        OffsetDateTime occurredAt,
        Integer durationSeconds,
        String summary,
        boolean summaryRequested,
        String internalNotes,
        Outcome outcome,
        String loggedBy,
        boolean amended,
        Boolean erased,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static ContactView of(Contact c, Caller caller) {
        return new ContactView(c.id, c.customerId, c.issueId, c.channel, c.direction, c.agentId, c.locationId,
                c.occurredAt, c.durationSeconds, c.summary, c.summaryRequested, caller.seesInternal() ? c.internalNotes : null,
                c.outcome, c.loggedBy, c.version > 0, c.erased ? Boolean.TRUE : null, c.version, c.createdAt, c.updatedAt);
    }
}
