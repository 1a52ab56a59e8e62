package dev.anchor.issue.domain;

import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.issue.events.out.IssueChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Opens issues: a fresh number, the SLA clocks started, the customer's status link, and issue.opened. */
@ApplicationScoped
public class IssueOpening {

    private static final int NUMBER_ATTEMPTS = 10;

    private final Issues issues;
    private final CustomerDirectory customers;
    private final StatusLinks links;
    private final IssueJournal journal;
    private final IssueSettings settings;
    private final IssueOwnership ownership;
    private final Clock clock;

    public IssueOpening(Issues issues, CustomerDirectory customers, StatusLinks links, IssueJournal journal,
                        IssueSettings settings, IssueOwnership ownership, Clock clock) {
        this.issues = issues;
        this.customers = customers;
        this.links = links;
        this.journal = journal;
        this.settings = settings;
        this.ownership = ownership;
        this.clock = clock;
    }

    /** A new issue and the raw token of its status-page link (which is stored only as a hash). */
    public record Opened(Issue issue, String statusUrl) {
        public String token() {
            return statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issue open(IssueDraft draft, Actor actor) {
        return open(draft, actor, null).issue();
    }

    /** Opens the issue a customer's email asked for ({@code contactId}: its contact, which issue.opened names). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Opened openAsked(IssueDraft draft, Actor actor, UUID contactId) {
        return open(draft, actor, null, contactId);
    }

    /**
     * Opens an issue; {@code linkedIssueId} names the closed issue it follows on from, if any. With
     * {@code takeOwnership} it is opened owned by the caller, so issue.opened (the customer's first message) names the
     * owner; issue.assigned for that first owner follows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Opened open(IssueDraft draft, Actor actor, UUID linkedIssueId) {
        return open(draft, actor, linkedIssueId, null);
    }

    private Opened open(IssueDraft draft, Actor actor, UUID linkedIssueId, UUID fromContactId) {
        CustomerReplica customer = customers.requireActive(draft.customerId());
        OffsetDateTime now = ServiceClock.now(clock);
        Issue issue = new Issue();
        issue.id = UUID.randomUUID();
        issue.number = freshNumber();
        issue.customerId = customer.id;
        issue.title = draft.title().strip();
        issue.description = draft.description();
        issue.category = draft.category();
        issue.priority = draft.priority() == null ? Priority.normal : draft.priority();
        issue.channel = draft.channel();
        issue.status = IssueStatus.open;
        issue.locationId = draft.locationId();
        if (draft.locationId() != null) {
            issue.locations.add(draft.locationId()); // the opening location is the first share
        }
        issue.linkedIssueId = linkedIssueId;
        IssueSettings.Sla sla = settings.slaFor(issue.priority);
        issue.firstResponseDueAt = now.plus(sla.firstResponse());
        issue.resolutionDueAt = now.plus(sla.resolution());
        issue.openedAt = now;
        issue.updatedAt = now;
        if (draft.takeOwnership()) {
            issue.ownerId = actor.id();
            issue.ownerName = actor.displayName();
        }
        issues.add(issue);
        String statusUrl = links.newLink(issue.id, now);
        journal.record(issue, actor, new IssueChange.Opened(statusUrl, fromContactId),
                IssueJournal.Entry.publicly("Issue " + issue.number + " opened: " + issue.title, draft.description()));
        if (draft.takeOwnership()) {
            ownership.recordFirstOwner(issue, actor);
        }
        return new Opened(issue, statusUrl);
    }

    private String freshNumber() {
        for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
            String number = IssueNumbers.next();
            if (!issues.numberTaken(number)) {
                return number;
            }
        }
        throw new IllegalStateException("No free issue number after " + NUMBER_ATTEMPTS + " attempts");
    }
}
