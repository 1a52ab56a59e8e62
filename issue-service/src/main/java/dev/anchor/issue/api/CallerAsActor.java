package dev.anchor.issue.api;

import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.CurrentCaller;
import dev.anchor.blocks.security.Roles;
import dev.anchor.issue.domain.Actor;
import dev.anchor.issue.domain.ActorRole;
import dev.anchor.issue.domain.Issue;
import dev.anchor.issue.domain.RaisedChannel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Arrays;

/**
 * The {@link CurrentCaller} as the domain's {@link Actor}: role from the token, display name from its {@code name}
 * claim, and the channel of the {@value #CHANNEL_HEADER} header; and what a partner may see.
 */
@RequestScoped
public class CallerAsActor {

    /** Optional request header naming the channel a change came through (phone, email, store…). */
    public static final String CHANNEL_HEADER = "Anchor-Channel";

    private final CurrentCaller caller;
    private final HttpHeaders headers;

    public CallerAsActor(CurrentCaller caller, HttpHeaders headers) {
        this.caller = caller;
        this.headers = headers;
    }

    public Actor actor() {
        return new Actor(role(), caller.id(), caller.displayName(), channel());
    }

    /** A partner (store or repair centre) and nothing more: sees only issues shared with their location. */
    public boolean isPartnerOnly() {
        return role() == ActorRole.partner;
    }

    /** The partner's location, from the token's {@code location} claim (null when absent). */
    public String location() {
        return caller.location().orElse(null);
    }

    /** Whether the caller may see {@code issue}: staff see all, a partner only what is shared with their location. */
    public boolean maySee(Issue issue) {
        return !isPartnerOnly() || issue.isSharedWith(location());
    }

    private ActorRole role() {
        if (caller.hasRole(Roles.SUPERVISOR)) {
            return ActorRole.supervisor;
        }
        if (caller.hasRole(Roles.AGENT)) {
            return ActorRole.agent;
        }
        if (caller.hasRole(Roles.SYSTEM)) {
            return ActorRole.system;
        }
        return ActorRole.partner;
    }

    private String channel() {
        String channel = headers.getHeaderString(CHANNEL_HEADER);
        if (channel == null || channel.isBlank()) {
            return null;
        }
        String value = channel.trim().toLowerCase();
        if (Arrays.stream(RaisedChannel.values()).noneMatch(c -> c.name().equals(value))) {
            throw Problems.invalidField(CHANNEL_HEADER, "must be one of " + Arrays.toString(RaisedChannel.values()));
        }
        return value;
    }
}
