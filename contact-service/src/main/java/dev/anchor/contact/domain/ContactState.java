package dev.anchor.contact.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A contact as contact.events carries it: no internal notes, ever. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactState(
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
        Outcome outcome,
        long version) {

    public static ContactState of(Contact c) {
        return new ContactState(c.id, c.customerId, c.issueId, c.channel, c.direction, c.agentId, c.locationId,
                c.occurredAt, c.durationSeconds, c.summary, c.summaryRequested, c.outcome, c.version);
    }
}
