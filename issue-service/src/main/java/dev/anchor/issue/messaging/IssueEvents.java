package dev.anchor.issue.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anchor.blocks.outbox.Outbox;
import dev.anchor.issue.domain.Actor;
import dev.anchor.issue.domain.Issue;
import dev.anchor.issue.domain.IssueState;
import jakarta.enterprise.context.ApplicationScoped;

/** The events of issue.events, written to the outbox in the transaction of the change. */
@ApplicationScoped
public class IssueEvents {

    public static final String TOPIC = "issue.events";

    private final Outbox outbox;

    public IssueEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Publishes {@code type} with the issue as it is now, what changed, and who changed it. */
    public void publish(String type, Issue issue, Object change, Actor actor) {
        outbox.record(TOPIC, type, issue.id, new IssueEvent(IssueState.of(issue), change, actor));
    }

    /** {@code data} of every issue event. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IssueEvent(IssueState issue, Object change, Actor actor) {
    }
}
