package dev.anchor.issue.domain;

import dev.anchor.blocks.refusal.Refused;

import dev.anchor.blocks.time.ServiceClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The customer's links to an issue's status page: the configured base URL and a fresh token; revocable. */
@ApplicationScoped
public class StatusLinks {

    private final StatusTokens tokens;
    private final IssueJournal journal;
    private final CustomerErasure erasure;
    private final Clock clock;
    private final String baseUrl;

    public StatusLinks(StatusTokens tokens, IssueJournal journal, CustomerErasure erasure, Clock clock,
                       @ConfigProperty(name = "anchor.status-page.base-url") String baseUrl) {
        this.tokens = tokens;
        this.journal = journal;
        this.erasure = erasure;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A link with a fresh token; the raw token is in the link only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String newLink(UUID issueId, OffsetDateTime now) {
        return baseUrl + "/" + tokens.issue(issueId, now);
    }

    /** A further link for the customer, on staff's request (noted on the trail); none once the customer was erased. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issueAnother(Issue issue, Actor actor) {
        if (erasure.customerErased(issue.id)) {
            throw new Refused("The customer of issue " + issue.number + " was erased; it has no status page");
        }
        String url = newLink(issue.id, ServiceClock.now(clock));
        journal.append(issue.id, actor, "status-link.issued",
                IssueJournal.Entry.internally("New status-page link issued", null), UUID.randomUUID());
        return url;
    }

    /** Revokes every link of the issue (noted on the trail). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeAll(Issue issue, Actor actor) {
        int revoked = tokens.revokeAll(issue.id, ServiceClock.now(clock));
        journal.append(issue.id, actor, "status-link.revoked",
                IssueJournal.Entry.internally(revoked + " status-page link(s) revoked", null), UUID.randomUUID());
    }
}
