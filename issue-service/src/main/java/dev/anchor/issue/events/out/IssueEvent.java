package dev.anchor.issue.events.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code data} of every issue event: the issue as it is now, what changed, and who changed it. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueEvent(IssueState issue, IssueChange change, Actor actor) {

    /** Who made the change ({@code role} as agent, supervisor, partner, customer, system), and through which channel. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Actor(String role, String id, String displayName, String channel) {
    }
}
