package dev.anchor.issue.domain;

import dev.anchor.blocks.time.ServiceClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
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
    private final FormTokens forms;
    private final Duration formLifetime;
    private final Clock clock;

    public StatusPages(StatusTokens tokens, IssueFinder finder, Issues issues, TimelineEntries timeline,
                       CustomerDirectory customers, IssueCasework casework, IssueLifecycle lifecycle,
                       IssueOpening opening, FormTokens forms,
                       @ConfigProperty(name = "anchor.status-page.form-lifetime", defaultValue = "PT12H") Duration formLifetime,
                       Clock clock) {
        this.forms = forms;
        this.formLifetime = formLifetime;
        this.clock = clock;
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

    /** What a form submission did: applied, or nothing at all because its form token was used, expired or foreign. */
    public record Submitted(String pageToken, boolean applied) {
    }

    /** A fresh one-time token for a form on the page of {@code token} (which the caller found valid). */
    @Transactional
    public String newFormToken(String token) {
        return forms.issue(token, ServiceClock.now(clock).plus(formLifetime));
    }

    /**
     * Adds the customer's comment once per form token; answers the token of the page to show next (a new issue's after
     * the reopen window), or not applied when the form token does not redeem (nothing is stored then).
     */
    @Transactional
    public Optional<Submitted> comment(String token, String formToken, String text) {
        Optional<UUID> issueId = tokens.issueOf(token);
        if (issueId.isEmpty()) {
            return Optional.empty();
        }
        if (!forms.redeem(token, formToken, ServiceClock.now(clock))) {
            return Optional.of(new Submitted(token, false));
        }
        Issue issue = issues.lock(issueId.get());
        Actor customer = customerOf(issue);
        if (issue.status == IssueStatus.closed && !lifecycle.withinReopenWindow(issue)) {
            IssueDraft draft = new IssueDraft(issue.customerId, "Follow-up: " + issue.title, null, issue.category,
                    issue.priority, RaisedChannel.web, issue.locationId, false);
            IssueOpening.Opened followUp = opening.open(draft, customer, issue.id);
            casework.comment(followUp.issue(), text, Visibility.PUBLIC, customer);
            return Optional.of(new Submitted(followUp.token(), true));
        }
        if (issue.status.isDone()) {
            lifecycle.reopen(issue, "The customer replied", customer);
        } else if (issue.status == IssueStatus.waiting_on_customer) {
            lifecycle.customerReplied(issue, customer);
        }
        casework.comment(issue, text, Visibility.PUBLIC, customer);
        return Optional.of(new Submitted(token, true));
    }

    /** What the customer's close did. */
    public enum Closing { CLOSED, ALREADY_CLOSED, FORM_NOT_ACCEPTED }

    /** Closes the issue as the customer once per form token; empty for an unknown token. */
    @Transactional
    public Optional<Closing> close(String token, String formToken) {
        Optional<UUID> issueId = tokens.issueOf(token);
        if (issueId.isEmpty()) {
            return Optional.empty();
        }
        if (!forms.redeem(token, formToken, ServiceClock.now(clock))) {
            return Optional.of(Closing.FORM_NOT_ACCEPTED);
        }
        Issue issue = issues.lock(issueId.get());
        if (issue.status == IssueStatus.closed) {
            return Optional.of(Closing.ALREADY_CLOSED);
        }
        lifecycle.close(issue, customerOf(issue));
        return Optional.of(Closing.CLOSED);
    }

    /** Forgets form tokens past their lifetime. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpiredFormTokens() {
        forms.expire(ServiceClock.now(clock));
    }

    private Actor customerOf(Issue issue) {
        return Actor.customer(customers.find(issue.customerId).map(c -> c.displayName).orElse(null));
    }
}
