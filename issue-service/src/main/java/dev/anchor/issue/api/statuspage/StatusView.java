package dev.anchor.issue.api.statuspage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anchor.issue.domain.Issue;
import dev.anchor.issue.domain.IssueStatus;
import dev.anchor.issue.domain.NextAction;
import dev.anchor.issue.domain.StatusPages;
import dev.anchor.issue.domain.TimelineEntry;
import io.quarkus.qute.TemplateData;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the customer's status page shows, as HTML and as JSON: public facts only, in their language and time zone. */
@TemplateData
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusView(
        String number,
        String title,
        String status,
        String statusLabel,
        String ownerName,
        Next nextAction,
        List<Line> history,
        boolean closed,
        String language,
        String timeZone,
        @JsonIgnore String notice,
        @JsonIgnore Map<String, String> text) {

    /** The next expected action with its due time as the customer reads it. */
    @TemplateData
    public record Next(String what, String who, String whoLabel, OffsetDateTime dueAt, String dueText) {
    }

    /** One public entry of the history. */
    @TemplateData
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String kind, String label, String by, String text, OffsetDateTime at, String atText, String isoAt,
                       Back back) {
    }

    /** On a handoff: the previous owner, and when they are back, as the customer reads it. */
    @TemplateData
    public record Back(String name, String label, OffsetDateTime at, String atText, String isoAt) {
    }

    /** The page in the customer's language and time zone (English and UTC when the customer did not say). */
    static StatusView of(StatusPages.Page page, String notice) {
        Issue issue = page.issue();
        StatusPageText text = StatusPageText.of(page.customer().map(c -> c.language).orElse(null));
        ZoneId zone = zone(page.customer().map(c -> c.timeZone).orElse(null));
        Locale locale = Locale.forLanguageTag(text.language());
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        NextAction next = issue.status.isDone() ? null : issue.nextAction();
        Next nextView = next == null ? null : new Next(next.what(), next.who().name(),
                text.get("who." + next.who().name()), next.dueAt(), format.format(next.dueAt()));
        var history = page.history().stream().map(entry -> line(entry, text, format)).toList();
        return new StatusView(issue.number, issue.title, issue.status.name(), text.get(issue.status.name()),
                issue.ownerName, nextView, history, issue.status == IssueStatus.closed, text.language(), zone.getId(),
                notice == null ? null : text.find("notice." + notice), text.labels());
    }

    private static Line line(TimelineEntry entry, StatusPageText text, DateTimeFormatter format) {
        // A handoff's line names the new owner (who made the handoff matters less to the customer).
        String by = entry.ownerName != null ? entry.ownerName : switch (entry.actorRole) {
            case "customer" -> text.get("you");
            case "system" -> null;
            default -> entry.actorName;
        };
        Back back = entry.previousOwnerName == null || entry.previousOwnerBackAt == null ? null
                : new Back(entry.previousOwnerName, text.get("back"), entry.previousOwnerBackAt,
                        format.format(entry.previousOwnerBackAt), entry.previousOwnerBackAt.toString());
        OffsetDateTime at = entry.at;
        // Staff summaries are English; the customer sees the words that were written for them.
        String detail = entry.detail != null ? entry.detail
                : "issue.action-taken".equals(entry.kind) || entry.kind.startsWith("contact.")
                        || entry.kind.startsWith("notification.") ? entry.summary : null;
        return new Line(entry.kind, text.get(entry.kind), by, detail, at, format.format(at), at.toString(), back);
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
