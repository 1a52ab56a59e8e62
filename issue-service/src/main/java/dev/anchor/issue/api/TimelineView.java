package dev.anchor.issue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anchor.issue.domain.Actor;
import dev.anchor.issue.domain.ActorRole;
import dev.anchor.issue.domain.TimelineEntry;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One audit-trail entry as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineView(UUID id, String kind, String visibility, Actor actor, String summary, String detail,
                           OffsetDateTime at) {

    public static TimelineView of(TimelineEntry entry) {
        return new TimelineView(entry.id, entry.kind, entry.visibility,
                new Actor(ActorRole.valueOf(entry.actorRole), entry.actorId, entry.actorName, entry.channel),
                entry.summary, entry.detail, entry.at);
    }
}
