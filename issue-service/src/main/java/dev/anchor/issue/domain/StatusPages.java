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
    private final FormTokens forms;
    private final CustomerLocks locks;
    private final StatusLinks links;
    private final IssueAttachments attachments;
    private final Duration formLifetime;
    private final Clock clock;

    public StatusPages(StatusTokens tokens, IssueFinder finder, Issues issues, TimelineEntries timeline,
                       CustomerDirectory customers, IssueCasework casework, IssueLifecycle lifecycle,
                       FormTokens forms, CustomerLocks locks, StatusLinks links, IssueAttachments attachments,
                       @ConfigProperty(name = "anchor.status-page.form-lifetime", defaultValue = "PT12H") Duration formLifetime,
                       Clock clock) {
        this.forms = forms;
        this.locks = locks;
        this.links = links;
        this.attachments = attachments;
        this.formLifetime = formLifetime;
        this.clock = clock;
        this.tokens = tokens;
        this.finder = finder;
        this.issues = issues;
        this.timeline = timeline;
        this.customers = customers;
        this.casework = casework;
        this.lifecycle = lifecycle;
    }

    /**
     * What the customer's page shows: the issue, the customer (for language and time zone, if known), public history,
     * the time it is read at, whether "It is not fixed" is offered and, for a closed issue, until when, and the files
     * the customer sent.
     */
    public record Page(Issue issue, Optional<CustomerReplica> customer, List<TimelineEntry> history, OffsetDateTime now,
                       boolean reopenable, OffsetDateTime reopenableUntil, List<Attachment> attachments,
                       long maxFileSize) {
    }

    /** The page for {@code token}, or empty for an unknown or revoked token. */
    @Transactional
    public Optional<Page> page(String token) {
        return tokens.issueOf(token).map(finder::get).map(issue ->
                new Page(issue, customers.find(issue.customerId), timeline.publicOf(issue.id), ServiceClock.now(clock),
                        reopenable(issue), reopenableUntil(issue), attachments.of(issue),
                        attachments.maxFileSize()));
    }

    /**
     * The language of the customer a dead (revoked) link was made for, if the token ever named one and they are still
     * known; nothing about the issue itself.
     */
    @Transactional
    public Optional<String> languageOfDeadLink(String token) {
        return tokens.issueOfAny(token).map(issues::byId).flatMap(issue -> customers.find(issue.customerId))
                .filter(CustomerReplica::isActive).map(customer -> customer.language);
    }

    /**
     * The form token for "Send me a new link" on the page of a link that no longer works: one that redeems when the
     * token ever named an issue, else one that never does (the page looks the same either way).
     */
    @Transactional
    public String newLinkFormToken(String token) {
        return tokens.issueOfAny(token).isPresent() ? newFormToken(token) : FormTokens.unredeemable();
    }

    /**
     * The customer asks for a new link from {@code token}, one that no longer works: when the token ever named an
     * issue of a customer still known, and the form token redeems, a new link is sent to the address on file (at most
     * one per {@code anchor.status-page.new-link-interval}). The caller answers the same whatever happened.
     *
     * @return whether the token ever named an issue (an unknown one counts as a guess)
     */
    @Transactional
    public boolean requestNewLink(String token, String formToken) {
        Optional<UUID> issueId = tokens.issueOfAny(token);
        if (issueId.isEmpty()) {
            return false;
        }
        if (forms.redeem(token, formToken, ServiceClock.now(clock))) {
            Issue issue = locks.lockIssue(issueId.get());
            if (customers.find(issue.customerId).filter(CustomerReplica::isActive).isPresent()) {
                links.sendNew(issue, customerOf(issue));
            }
        }
        return true;
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
     * Adds the customer's comment once per form token; or not applied when the form token does not redeem (nothing is
     * stored then). A comment is only a comment: it never reopens a resolved or closed issue (that is the customer's
     * explicit "It is not fixed"). It brings an issue waiting on the customer back to us, and it answers a next step
     * that was theirs.
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
        Issue issue = locks.lockIssue(issueId.get());
        answer(issue, text, customerOf(issue));
        return Optional.of(new Submitted(token, true));
    }

    /**
     * The customer's own words that reached us by another way — a reply by email or SMS, which contact-service
     * publishes as a contact with {@code origin: customer-reply} — taken exactly like a comment on the page: it brings
     * an issue waiting on them back to us, answers a next step that was theirs, and never reopens anything. The
     * files her email carried are listed with the issue, words or not ("send us a photo" answered by a photo alone).
     * {@code issue} is locked by the caller.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void customerWrote(Issue issue, String text, String channel, List<IssueAttachments.Emailed> files,
                              UUID contactId) {
        Actor customer = new Actor(ActorRole.customer, null, customerOf(issue).displayName(), channel);
        if (text != null) {
            answer(issue, text, customer);
        } else if (issue.status == IssueStatus.waiting_on_customer) {
            lifecycle.customerReplied(issue, customer);
        }
        for (IssueAttachments.Emailed file : files) {
            attachments.addEmailed(issue, file, contactId, customer);
        }
        if (issue.nextWho == Party.customer) {
            casework.completeNextAction(issue, customer, IssueCasework.Completion.ANSWERED);
        }
    }

    /** What the customer's upload did. */
    public enum Attaching { ADDED, TOO_MANY, FORM_NOT_ACCEPTED }

    /**
     * Stores the customer's file (already checked on its bytes) once per form token, unless the issue holds as many as
     * it may; empty for an unknown token. Like a comment, it brings an issue waiting on the customer back to us and
     * answers a next step that was theirs ("send us a photo of the fault"); it never reopens anything.
     */
    @Transactional
    public Optional<Attaching> attach(String token, String formToken, IssueAttachments.Accepted file) {
        Optional<UUID> issueId = tokens.issueOf(token);
        if (issueId.isEmpty()) {
            return Optional.empty();
        }
        Issue issue = locks.lockIssue(issueId.get());
        if (attachments.full(issue)) {
            return Optional.of(Attaching.TOO_MANY);
        }
        if (!forms.redeem(token, formToken, ServiceClock.now(clock))) {
            return Optional.of(Attaching.FORM_NOT_ACCEPTED);
        }
        Actor customer = customerOf(issue);
        if (issue.status == IssueStatus.waiting_on_customer) {
            lifecycle.customerReplied(issue, customer);
        }
        attachments.add(issue, file, customer);
        if (issue.nextWho == Party.customer) {
            casework.completeNextAction(issue, customer, IssueCasework.Completion.ANSWERED);
        }
        return Optional.of(Attaching.ADDED);
    }

    /** A file of the issue {@code token} grants, with its bytes; empty for an unknown token or file. */
    @Transactional
    public Optional<IssueAttachments.Download> attachment(String token, String attachmentId) {
        return tokens.issueOf(token).map(finder::get).flatMap(issue -> attachments.download(issue, attachmentId));
    }

    /** Whether {@code token} grants an issue (a valid, unrevoked link). */
    @Transactional
    public boolean known(String token) {
        return tokens.issueOf(token).isPresent();
    }

    private void answer(Issue issue, String text, Actor customer) {
        if (issue.status == IssueStatus.waiting_on_customer) {
            lifecycle.customerReplied(issue, customer);
        }
        casework.comment(issue, text, Visibility.PUBLIC, customer);
        if (issue.nextWho == Party.customer) {
            casework.completeNextAction(issue, customer, IssueCasework.Completion.ANSWERED);
        }
    }

    /** What the customer's "It is not fixed" did. */
    public enum Reopening { REOPENED, NOT_REOPENABLE, FORM_NOT_ACCEPTED }

    /**
     * The customer says a resolved issue (or a closed one within its reopen window) is not fixed: it is reopened with
     * their own words as the reason (or none), once per form token; empty for an unknown token.
     */
    @Transactional
    public Optional<Reopening> notFixed(String token, String formToken, String text) {
        Optional<UUID> issueId = tokens.issueOf(token);
        if (issueId.isEmpty()) {
            return Optional.empty();
        }
        if (!forms.redeem(token, formToken, ServiceClock.now(clock))) {
            return Optional.of(Reopening.FORM_NOT_ACCEPTED);
        }
        Issue issue = locks.lockIssue(issueId.get());
        if (!issue.status.isDone() || !lifecycle.withinReopenWindow(issue)) {
            return Optional.of(Reopening.NOT_REOPENABLE);
        }
        lifecycle.reopen(issue, text == null ? "" : text, customerOf(issue));
        return Optional.of(Reopening.REOPENED);
    }

    /** Whether the page may offer "It is not fixed": resolved, or closed within the reopen window. */
    public boolean reopenable(Issue issue) {
        return issue.status.isDone() && lifecycle.withinReopenWindow(issue);
    }

    /** Until when a closed issue may be reopened (null for one that is not closed). */
    public OffsetDateTime reopenableUntil(Issue issue) {
        return issue.status == IssueStatus.closed ? lifecycle.reopenDeadline(issue) : null;
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
        Issue issue = locks.lockIssue(issueId.get());
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
