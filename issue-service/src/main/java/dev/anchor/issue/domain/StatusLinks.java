package dev.anchor.issue.domain;

import dev.anchor.blocks.refusal.Refused;

import dev.anchor.blocks.time.ServiceClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.anchor.issue.events.out.IssueChange;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The customer's links to an issue's status page: the configured base URL and a fresh token; revocable. A further link
 * is published ({@code issue.status-link-issued}) so that messages from then on carry it.
 */
@ApplicationScoped
public class StatusLinks {

    private final StatusTokens tokens;
    private final TimelineEntries trail;
    private final IssueJournal journal;
    private final CustomerErasure erasure;
    private final Clock clock;
    private final String baseUrl;
    private final Duration newLinkInterval;

    public StatusLinks(StatusTokens tokens, TimelineEntries trail, IssueJournal journal, CustomerErasure erasure, Clock clock,
                       @ConfigProperty(name = "anchor.status-page.base-url") String baseUrl,
                       @ConfigProperty(name = "anchor.status-page.new-link-interval", defaultValue = "PT15M")
                       Duration newLinkInterval) {
        this.newLinkInterval = newLinkInterval;
        this.trail = trail;
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
        journal.record(issue, actor, new IssueChange.StatusLinkIssued(url, "staff"),
                IssueJournal.Entry.internally("New status-page link issued", null));
        return url;
    }

    /**
     * A new link the customer asked for from one that no longer works, to be sent to the address on file; none when
     * the customer was erased or asked for one less than the interval ago (so the form cannot flood their inbox).
     *
     * @return whether a link was made
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean sendNew(Issue issue, Actor customer) {
        OffsetDateTime now = ServiceClock.now(clock);
        if (erasure.customerErased(issue.id) || trail.lastAt(issue.id, "issue.status-link-issued", ActorRole.customer)
                .filter(at -> at.isAfter(now.minus(newLinkInterval))).isPresent()) {
            return false;
        }
        String url = newLink(issue.id, now);
        journal.record(issue, customer, new IssueChange.StatusLinkIssued(url, "customer"),
                IssueJournal.Entry.internally("New status-page link sent to the customer at their request", null));
        return true;
    }

    /** Revokes every link of the issue (noted on the trail). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeAll(Issue issue, Actor actor) {
        int revoked = tokens.revokeAll(issue.id, ServiceClock.now(clock));
        journal.append(issue.id, actor, "status-link.revoked",
                IssueJournal.Entry.internally(revoked + " status-page link(s) revoked", null), UUID.randomUUID());
    }
}
