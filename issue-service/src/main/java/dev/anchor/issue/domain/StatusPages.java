package dev.anchor.issue.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The customer's side of an issue, reached only through a status token: read it, comment on it, close it. */
@ApplicationScoped
public class StatusPages {

    private final StatusTokens tokens;
    private final IssueFinder finder;
    private final Issues issues;
    private final TimelineEntries timeline;
    private final CustomerDirectory customers;
    private final IssueCasework casework;
    private final IssueLifecycle lifecycle;
    private final IssueOpening opening;

    public StatusPages(StatusTokens tokens, IssueFinder finder, Issues issues, TimelineEntries timeline,
                       CustomerDirectory customers, IssueCasework casework, IssueLifecycle lifecycle,
                       IssueOpening opening) {
        this.tokens = tokens;
        this.finder = finder;
        this.issues = issues;
        this.timeline = timeline;
        this.customers = customers;
        this.casework = casework;
        this.lifecycle = lifecycle;
        this.opening = opening;
    }

    /** What the customer's page shows: the issue, the customer (for language and time zone, if known), public history. */
    public record Page(Issue issue, Optional<CustomerReplica> customer, List<TimelineEntry> history) {
    }

    /** The page for {@code token}, or empty for an unknown or revoked token. */
    @Transactional
    public Optional<Page> page(String token) {
        return tokens.issueOf(token).map(finder::get).map(issue ->
                new Page(issue, customers.find(issue.customerId), timeline.publicOf(issue.id)));
    }

    /** Adds the customer's comment; answers the token of the page to show next (a new issue's after the reopen window). */
    @Transactional
    public Optional<String> comment(String token, String text) {
        Optional<UUID> issueId = tokens.issueOf(token);
        if (issueId.isEmpty()) {
            return Optional.empty();
        }
        Issue issue = issues.lock(issueId.get());
        Actor customer = customerOf(issue);
        if (issue.status == IssueStatus.closed && !lifecycle.withinReopenWindow(issue)) {
            IssueDraft draft = new IssueDraft(issue.customerId, "Follow-up: " + issue.title, null, issue.category,
                    issue.priority, RaisedChannel.web, issue.locationId, false);
            IssueOpening.Opened followUp = opening.open(draft, customer, issue.id);
            casework.comment(followUp.issue(), text, Visibility.PUBLIC, customer);
            return Optional.of(followUp.token());
        }
        if (issue.status.isDone()) {
            lifecycle.reopen(issue, "The customer replied", customer);
        } else if (issue.status == IssueStatus.waiting_on_customer) {
            lifecycle.customerReplied(issue, customer);
        }
        casework.comment(issue, text, Visibility.PUBLIC, customer);
        return Optional.of(token);
    }

    /** Closes the issue as the customer; empty for an unknown token, false when it was closed already. */
    @Transactional
    public Optional<Boolean> close(String token) {
        return tokens.issueOf(token).map(issues::lock).map(issue -> {
            if (issue.status == IssueStatus.closed) {
                return false;
            }
            lifecycle.close(issue, customerOf(issue));
            return true;
        });
    }

    private Actor customerOf(Issue issue) {
        return Actor.customer(customers.find(issue.customerId).map(c -> c.displayName).orElse(null));
    }
}
