package dev.anchor.issue.events.out;

import dev.anchor.blocks.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Writes the events of issue.events to the outbox, in the transaction of the change. */
@ApplicationScoped
public class IssueEventWriter {

    public static final String TOPIC = "issue.events";

    private final Outbox outbox;

    public IssueEventWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Publishes {@code change} as its event type, with the issue as it is now and who changed it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(IssueState issue, IssueChange change, IssueEvent.Actor actor) {
        outbox.record(TOPIC, IssueChange.type(change), issue.id(), new IssueEvent(issue, change, actor));
    }
}
