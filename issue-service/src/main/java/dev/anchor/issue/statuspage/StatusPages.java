package dev.anchor.issue.statuspage;

import dev.anchor.issue.domain.Actor;
import dev.anchor.issue.domain.CommentRequest;
import dev.anchor.issue.domain.CustomerReplica;
import dev.anchor.issue.domain.CustomerDirectory;
import dev.anchor.issue.domain.Issue;
import dev.anchor.issue.domain.IssueDraft;
import dev.anchor.issue.domain.IssueFinder;
import dev.anchor.issue.domain.IssueLifecycle;
import dev.anchor.issue.domain.IssueOpening;
import dev.anchor.issue.domain.IssueStatus;
import dev.anchor.issue.domain.IssueWork;
import dev.anchor.issue.domain.NextAction;
import dev.anchor.issue.domain.RaisedChannel;
import dev.anchor.issue.domain.TimelineEntry;
import dev.anchor.issue.domain.Visibility;
import dev.anchor.issue.persistence.IssueRepository;
import dev.anchor.issue.persistence.StatusTokens;
import dev.anchor.issue.persistence.TimelineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The customer's side of an issue, reached only through a status token: read it, comment on it, close it. */
@ApplicationScoped
public class StatusPages {

    private final StatusTokens tokens;
    private final IssueFinder finder;
    private final IssueRepository issues;
    private final TimelineRepository timeline;
    private final CustomerDirectory customers;
    private final IssueWork work;
    private final IssueLifecycle lifecycle;
    private final IssueOpening opening;

    public StatusPages(StatusTokens tokens, IssueFinder finder, IssueRepository issues, TimelineRepository timeline,
                       CustomerDirectory customers, IssueWork work, IssueLifecycle lifecycle, IssueOpening opening) {
        this.tokens = tokens;
        this.finder = finder;
        this.issues = issues;
        this.timeline = timeline;
        this.customers = customers;
        this.work = work;
        this.lifecycle = lifecycle;
        this.opening = opening;
    }

    /** The page for {@code token}, or empty for an unknown or revoked token. */
    @Transactional
    public Optional<StatusView> view(String token, String notice) {
        return tokens.issueOf(token).map(finder::get).map(issue -> render(issue, notice));
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
            work.comment(followUp.issue(), new CommentRequest(text, Visibility.PUBLIC), customer);
            return Optional.of(followUp.token());
        }
        if (issue.status.isDone()) {
            lifecycle.reopen(issue, "The customer replied", customer);
        } else if (issue.status == IssueStatus.waiting_on_customer) {
            lifecycle.customerReplied(issue, customer);
        }
        work.comment(issue, new CommentRequest(text, Visibility.PUBLIC), customer);
        return Optional.of(token);
    }

    /** Closes the issue as the customer; false for an unknown token. */
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

    private StatusView render(Issue issue, String notice) {
        Optional<CustomerReplica> customer = customers.find(issue.customerId);
        StatusPageText text = StatusPageText.of(customer.map(c -> c.language).orElse(null));
        ZoneId zone = zone(customer.map(c -> c.timeZone).orElse(null));
        Locale locale = Locale.forLanguageTag(text.language());
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        NextAction next = issue.status.isDone() ? null : issue.nextAction();
        StatusView.Next nextView = next == null ? null : new StatusView.Next(next.what(), next.who().name(),
                text.get("who." + next.who().name()), next.dueAt(), format.format(next.dueAt()));
        var history = timeline.publicOf(issue.id).stream().map(entry -> line(entry, text, format)).toList();
        return new StatusView(issue.number, issue.title, issue.status.name(), text.get(issue.status.name()),
                issue.ownerName, nextView, history, issue.status == IssueStatus.closed, text.language(), zone.getId(),
                notice == null ? null : text.find("notice." + notice), text.labels());
    }

    private static StatusView.Line line(TimelineEntry entry, StatusPageText text, DateTimeFormatter format) {
        // A handoff's line names the new owner (who made the handoff matters less to the customer).
        String by = entry.ownerName != null ? entry.ownerName : switch (entry.actorRole) {
            case "customer" -> text.get("you");
            case "system" -> null;
            default -> entry.actorName;
        };
        StatusView.Back back = entry.previousOwnerName == null || entry.previousOwnerBackAt == null ? null
                : new StatusView.Back(entry.previousOwnerName, text.get("back"), entry.previousOwnerBackAt,
                        format.format(entry.previousOwnerBackAt), entry.previousOwnerBackAt.toString());
        OffsetDateTime at = entry.at;
        // Staff summaries are English; the customer sees the words that were written for them.
        String detail = entry.detail != null ? entry.detail
                : "issue.action-taken".equals(entry.kind) || entry.kind.startsWith("contact.")
                        || entry.kind.startsWith("notification.") ? entry.summary : null;
        return new StatusView.Line(entry.kind, text.get(entry.kind), by, detail, at, format.format(at), at.toString(),
                back);
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
