package dev.anchor.issue.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who did something, and through which channel (events' {@code actor}, the timeline's who). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(ActorRole role, String id, String displayName, String channel) {

    public static Actor customer(String displayName) {
        return new Actor(ActorRole.customer, null, displayName, RaisedChannel.web.name());
    }

    public static Actor system() {
        return new Actor(ActorRole.system, "issue-service", "Anchor", null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isStaff() {
        return role == ActorRole.agent || role == ActorRole.supervisor || role == ActorRole.system;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isSupervisor() {
        return role == ActorRole.supervisor;
    }
}
