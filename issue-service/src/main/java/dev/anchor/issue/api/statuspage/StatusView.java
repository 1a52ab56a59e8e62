package dev.anchor.issue.api.statuspage;

import dev.anchor.blocks.page.PageText;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anchor.blocks.locale.CustomerLocale;
import dev.anchor.blocks.locale.PostalAddress;
import dev.anchor.issue.domain.Appointment;
import dev.anchor.issue.domain.Issue;
import dev.anchor.issue.domain.IssueStatus;
import dev.anchor.issue.domain.NextAction;
import dev.anchor.issue.domain.Organisation;
import dev.anchor.issue.domain.Place;
import dev.anchor.issue.domain.StatusPages;
import dev.anchor.issue.domain.TimelineEntry;
import io.quarkus.qute.TemplateData;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the customer's status page shows, as HTML and as JSON: public facts only, in their language and time zone,
 * every amount and time formatted for them ({@link CustomerLocale}), no English system sentence and no login id.
 */
@TemplateData
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusView(
        String number,
        String title,
        String status,
        String statusLabel,
        List<Stage> progress,
        String ownerName,
        Next nextAction,
        Visit appointment,
        Resolution resolution,
        Latest latest,
        List<Line> history,
        List<File> attachments,
        boolean closed,
        String language,
        String timeZone,
        Contact organisation,
        @JsonIgnore Notice notice,
        @JsonIgnore Map<String, String> text) {

    static final List<String> SHIPPED = List.of("en", "de", "fr");

    /** The form field an error notice is about ({@code comment-text}, {@code file}), or null. */
    @JsonIgnore
    public String fieldError() {
        return notice == null ? null : notice.field();
    }

    /** Whether the error is about the comment's text. */
    @JsonIgnore
    public boolean commentError() {
        return "comment-text".equals(fieldError());
    }

    /** Whether the error is about the file to upload. */
    @JsonIgnore
    public boolean fileError() {
        return "file".equals(fieldError());
    }

    /**
     * The next expected action: {@code phrase} reads "— us, by 3 December 2026, 19:25" in the customer's language;
     * {@code late} when a step of ours (or our partner's) is past due, with {@code lateText} saying so and, while it is
     * still ahead, the new time we gave ({@code revisedDueAt}, in {@code lateText} too).
     */
    @TemplateData
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Next(String what, String who, String whoLabel, OffsetDateTime dueAt, String dueText, String phrase,
                       boolean late, String lateText, OffsetDateTime revisedDueAt, String revisedText,
                       String placeName) {

        /** The phrase up to the due time (the page marks the time up as {@code <time>}). */
        @JsonIgnore
        public String before() {
            int at = phrase.indexOf(dueText);
            return at < 0 ? phrase + " " : phrase.substring(0, at);
        }

        /** The phrase after the due time. */
        @JsonIgnore
        public String after() {
            int at = phrase.indexOf(dueText);
            return at < 0 ? "" : phrase.substring(at + dueText.length());
        }
    }

    /** The upcoming booking, with everything the customer needs to get there and to change it. */
    @TemplateData
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Visit(String kind, String heading, OffsetDateTime scheduledAt, String whenText, String placeName,
                        List<String> address, String phone, List<Hours> openingHours, String bring) {

        /** {@code tel:} link target: the place's number without spaces or punctuation but a leading +. */
        @JsonIgnore
        public String tel() {
            return phone == null ? null : phone.replaceAll("[^0-9+]", "");
        }
    }

    /** Opening hours as the customer reads them: localised day names and times. */
    @TemplateData
    public record Hours(String days, String times) {
    }

    /**
     * A resolved or closed issue: when it closes itself ({@code closesText}), whether "It is not fixed" is offered and
     * until when ({@code reopenText}).
     */
    @TemplateData
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resolution(OffsetDateTime closesAt, String closesText, boolean mayReopen,
                             OffsetDateTime reopenableUntil, String reopenText) {
    }

    /** The newest entry of the history, in short. */
    @TemplateData
    public record Latest(String text, String atText, String isoAt) {
    }

    /** How to reach the organisation (anchor.organisation.*). */
    @TemplateData
    public record Contact(String name, String phone, String email, String changeText, String callText,
                          String emailText) {

        static Contact of(Organisation organisation, Words words) {
            return new Contact(organisation.name(), organisation.phone(), organisation.email(),
                    words.fill("appointment.change", "org", organisation.name()),
                    words.fill("contact.call", "phone", organisation.phone()),
                    words.fill("contact.email", "email", organisation.email()));
        }

        /** {@code tel:} link target: the number without spaces or punctuation but a leading +. */
        public String tel() {
            return phone.replaceAll("[^0-9+]", "");
        }
    }

    /** A notice after a form: success or error, its title and words, and the field it is about (if any). */
    @TemplateData
    public record Notice(String key, boolean error, String title, String text, String field) {
    }

    /** One public entry of the history: what changed, in customer words; messages it caused are folded into it. */
    @TemplateData
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String kind, String label, String by, String text, OffsetDateTime at, String atText, String isoAt,
                       Back back, List<String> messages) {
    }

    /**
     * A file the customer sent: its id (downloaded at {@code /status/{token}/attachments/{id}} when sent through the
     * page; one she emailed is listed only, as she has it), name, detected type, size in bytes and as the customer
     * reads it, when, and whether it came by email.
     */
    @TemplateData
    public record File(String id, String name, String mediaType, long size, String sizeText, String atText,
                       String isoAt, boolean byEmail) {
    }

    /** On a handoff: the previous owner, and when they are back, as the customer reads it. */
    @TemplateData
    public record Back(String name, String label, OffsetDateTime at, String atText, String isoAt) {
    }

    private static final java.util.Set<String> ERRORS = java.util.Set.of("empty", "too-long", "form-missing",
            "already-sent", "not-reopenable", "file-missing", "file-too-large", "file-type", "file-too-many");

    /** The page in the customer's language and time zone (English and UTC when the customer did not say). */
    static StatusView of(StatusPages.Page page, String notice, Organisation organisation) {
        Issue issue = page.issue();
        CustomerLocale locale = CustomerLocale.of(page.customer().map(c -> c.language).orElse(null),
                page.customer().map(c -> c.timeZone).orElse(null), SHIPPED);
        PageText text = StatusPageText.of(locale.language());
        Words words = new Words(text, locale);
        NextAction next = issue.status.isDone() ? null : issue.nextAction();
        Next nextView = next == null ? null : next(next, page.now(), words);
        Visit visit = issue.appointment == null ? null : visit(issue.appointment, words);
        Resolution resolution = resolution(issue, page, words);
        List<Line> history = history(page.history(), words);
        Latest latest = history.isEmpty() ? null
                : new Latest(history.getFirst().label(), history.getFirst().atText(), history.getFirst().isoAt());
        String maxSize = size(page.maxFileSize(), words);
        Notice shown = notice == null || text.find("notice." + notice) == null ? null
                : new Notice(notice, ERRORS.contains(notice), text.get(ERRORS.contains(notice) ? "error.title" : "banner.success"),
                        words.fill("notice." + notice, "max", maxSize), field(notice));
        List<File> files = page.attachments().stream().map(file -> new File(file.id().toString(), file.fileName(),
                file.mediaType(), file.size(), size(file.size(), words), words.at(file.createdAt()),
                file.createdAt().toString(), !file.bytesHere())).toList();
        return new StatusView(issue.number, issue.title, issue.status.name(), text.get(issue.status.name()),
                progress(issue.status, words), issue.ownerName, nextView, visit, resolution, latest, history, files,
                issue.status == IssueStatus.closed,
                locale.language(), locale.zone().getId(),
                Contact.of(organisation, words), shown, labels(text, maxSize));
    }

    /** The page's words, the upload's hint naming the size limit. */
    private static Map<String, String> labels(PageText text, String maxSize) {
        Map<String, String> labels = new java.util.HashMap<>(text.labels());
        labels.computeIfPresent("upload.hint", (key, hint) -> hint.replace("{max}", maxSize));
        return Map.copyOf(labels);
    }

    /** The form field an error notice is about: the comment's text or the file input. */
    private static String field(String notice) {
        if ("empty".equals(notice) || "too-long".equals(notice)) {
            return "comment-text";
        }
        return notice.startsWith("file-") ? "file" : null;
    }

    /** A size as the customer reads it: "2.1 MB", "2,1 Mo", "850 KB" (one decimal below ten). */
    static String size(long bytes, Words words) {
        double kb = bytes / 1024.0;
        double mb = kb / 1024.0;
        java.text.NumberFormat number = java.text.NumberFormat.getNumberInstance(words.format());
        if (mb >= 1) {
            number.setMaximumFractionDigits(mb < 10 ? 1 : 0);
            return words.fill("size.mb", "n", number.format(mb));
        }
        number.setMaximumFractionDigits(0);
        return words.fill("size.kb", "n", number.format(Math.max(1, Math.round(kb))));
    }

    /** One stage of the issue's progress as the page shows it: {@code done}, {@code current} or {@code todo}. */
    @TemplateData
    public record Stage(String label, String state) {
    }

    private static final List<String> STAGES = List.of("received", "working", "resolved", "closed");

    /** Received → being worked on (waiting on someone included) → resolved → closed, the current one marked. */
    static List<Stage> progress(IssueStatus status, Words words) {
        int current = switch (status) {
            case open -> 0;
            case resolved -> 2;
            case closed -> 3;
            default -> 1;
        };
        List<Stage> stages = new java.util.ArrayList<>();
        for (int i = 0; i < STAGES.size(); i++) {
            stages.add(new Stage(words.get("progress." + STAGES.get(i)),
                    i < current || status == IssueStatus.closed ? "done" : i == current ? "current" : "todo"));
        }
        if (status != IssueStatus.closed) {
            return stages;
        }
        stages.set(3, new Stage(stages.get(3).label(), "current"));
        return stages;
    }

    /** The words and formats of one customer. */
    record Words(PageText text, CustomerLocale locale) {

        String get(String key) {
            return text.get(key);
        }

        /** {@code key}'s text with each {@code {name}} replaced by its value. */
        String fill(String key, String... namesAndValues) {
            String result = text.get(key);
            for (int i = 0; i < namesAndValues.length; i += 2) {
                result = result.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
            }
            return result;
        }

        String at(OffsetDateTime time) {
            return locale.dateTime(time.toInstant());
        }

        String date(OffsetDateTime time) {
            return locale.date(time.toInstant());
        }

        String money(String amount, String currency) {
            try {
                return locale.money(new BigDecimal(amount), currency);
            } catch (RuntimeException unknownCurrency) {
                return amount + " " + currency;
            }
        }

        Locale format() {
            return locale.format();
        }
    }

    private static Next next(NextAction next, OffsetDateTime now, Words words) {
        String who = next.who().name();
        String due = words.at(next.dueAt());
        boolean late = next.who().isOurs() && next.dueAt().isBefore(now);
        // the new time we gave, only while it is ahead: a promise that passed too is not repeated, the step is just late
        OffsetDateTime revised = late && next.revisedDueAt() != null && next.revisedDueAt().isAfter(now)
                ? next.revisedDueAt() : null;
        String revisedText = revised == null ? null : words.at(revised);
        String lateText = !late ? null : revised == null ? words.fill("late", "date", due)
                : words.fill("late.revised", "date", due, "revised", revisedText);
        return new Next(next.what(), who, words.get("who." + who), next.dueAt(), due,
                words.fill("step." + who, "date", due), late, lateText, revised, revisedText,
                next.place() == null ? null : next.place().name());
    }

    private static Visit visit(Appointment appointment, Words words) {
        Place place = appointment.place();
        List<String> address = new ArrayList<>(place.address().lines());
        address.add(PostalAddress.townLine(place.address().city(), place.address().postalCode(), place.address().country()));
        address.add(Locale.of("", place.address().country()).getDisplayCountry(words.format()));
        DateTimeFormatter clock = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(words.format());
        List<Hours> hours = place.openingHours() == null ? List.of() : place.openingHours().stream()
                .map(h -> new Hours(h.days().stream()
                        .map(day -> day.dayOfWeek().getDisplayName(TextStyle.FULL, words.format()))
                        .collect(Collectors.joining(", ")),
                        clock.format(LocalTime.parse(h.opens())) + "–" + clock.format(LocalTime.parse(h.closes()))))
                .toList();
        String kind = appointment.kind().name();
        return new Visit(kind, words.get("appointment." + kind), appointment.scheduledAt(),
                words.at(appointment.scheduledAt()), place.name(), address, place.phone(), hours, appointment.bring());
    }

    private static Resolution resolution(Issue issue, StatusPages.Page page, Words words) {
        if (issue.status == IssueStatus.resolved) {
            String closes = issue.closesAt == null ? null : words.fill("resolved.closes", "date", words.date(issue.closesAt));
            return new Resolution(issue.closesAt, closes, page.reopenable(), null, null);
        }
        if (issue.status == IssueStatus.closed && page.reopenable() && page.reopenableUntil() != null) {
            return new Resolution(null, null, true, page.reopenableUntil(),
                    words.fill("closed.reopen", "date", words.date(page.reopenableUntil())));
        }
        return null;
    }

    /**
     * The public trail for people: each entry in customer words, a message sent folded into the entry that caused it
     * (the one before it), latest first.
     */
    private static List<Line> history(List<TimelineEntry> trail, Words words) {
        List<Line> lines = new ArrayList<>();
        for (TimelineEntry entry : trail) {
            if ("notification.sent".equals(entry.kind) && !lines.isEmpty()) {
                Line cause = lines.removeLast();
                List<String> messages = new ArrayList<>(cause.messages() == null ? List.of() : cause.messages());
                messages.add(message(entry, words));
                lines.add(new Line(cause.kind(), cause.label(), cause.by(), cause.text(), cause.at(), cause.atText(),
                        cause.isoAt(), cause.back(), List.copyOf(messages)));
                continue;
            }
            lines.add(line(entry, words));
        }
        Collections.reverse(lines);
        return List.copyOf(lines);
    }

    private static String message(TimelineEntry entry, Words words) {
        String channel = fact(entry, "channel");
        String sent = words.fill("message.sent", "channel", words.get("channel." + (channel == null ? "email" : channel)));
        return entry.detail == null ? sent : sent + ": “" + entry.detail + "”";
    }

    private static Line line(TimelineEntry entry, Words words) {
        OffsetDateTime at = entry.at;
        Back back = entry.previousOwnerName == null || entry.previousOwnerBackAt == null ? null
                : new Back(entry.previousOwnerName, words.get("back"), entry.previousOwnerBackAt,
                        words.at(entry.previousOwnerBackAt), entry.previousOwnerBackAt.toString());
        String label = label(entry, words);
        String text = switch (entry.kind) {
            case "issue.commented", "issue.reopened", "issue.action-taken", "contact.logged", "contact.amended",
                 "issue.attachment-added" -> entry.detail; // an attachment's line names the file
            case "issue.next-action-overdue" -> entry.detail; // the step that is late (its new time is on the step itself)
            case "issue.assigned" -> entry.detail; // the handoff's introduction
            case "issue.next-action-set" -> nextText(entry, words);
            default -> null;
        };
        return new Line(entry.kind, label, by(entry, words), text, at, words.at(at), at.toString(), back, null);
    }

    /** Who the customer reads as having done it: a display name, "You", or nobody (never a login id). */
    private static String by(TimelineEntry entry, Words words) {
        if (entry.ownerName != null) {
            return entry.ownerName; // a handoff's line names the new owner
        }
        if (entry.kind.startsWith("contact.") || entry.kind.startsWith("notification.")) {
            return null; // a contact names its agent only by login id: the line says who contacted whom instead
        }
        return switch (entry.actorRole) {
            case "customer" -> words.get("you");
            case "system" -> null;
            default -> entry.actorName == null || entry.actorName.equals(entry.actorId) ? null : entry.actorName;
        };
    }

    private static String nextText(TimelineEntry entry, Words words) {
        String who = fact(entry, "who");
        String due = fact(entry, "dueAt");
        if (entry.detail == null || who == null || due == null) {
            return entry.detail;
        }
        String where = fact(entry, "locationName");
        return entry.detail + " — " + words.fill("step." + who, "date", words.at(OffsetDateTime.parse(due)))
                + (where == null ? "" : " · " + where);
    }

    /** What changed, in the customer's words, from the entry's facts (older entries without facts: their kind). */
    private static String label(TimelineEntry entry, Words words) {
        return switch (entry.kind) {
            case "issue.status-changed" -> {
                String from = fact(entry, "from");
                String to = fact(entry, "to");
                yield from == null || to == null ? words.get(entry.kind)
                        : words.fill("line.status", "from", words.get(from), "to", words.get(to));
            }
            case "issue.assigned" -> entry.ownerName == null ? words.get(entry.kind)
                    : words.fill("line.assigned", "name", entry.ownerName);
            case "issue.action-taken" -> action(entry, words);
            case "issue.next-action-completed" -> words.get("line.next-done." + fact(entry, "reason"));
            case "issue.closed" -> words.get("true".equals(fact(entry, "automatic")) ? "line.closed.automatic"
                    : "issue.closed");
            case "issue.reopened" -> words.get("customer".equals(entry.actorRole) ? "line.reopened.customer"
                    : "issue.reopened");
            case "contact.logged", "contact.amended" -> {
                String channel = fact(entry, "channel");
                yield words.fill("outbound".equals(fact(entry, "direction")) ? "contact.outbound" : "contact.inbound",
                        "channel", channel == null ? "" : words.get("channel." + channel)).replace(" ()", "");
            }
            case "notification.sent" -> message(entry, words);
            case "issue.attachment-added" -> words.get(String.valueOf(fact(entry, "mediaType")).startsWith("image/")
                    ? "line.attachment.photo" : "line.attachment.document");
            default -> words.get(entry.kind);
        };
    }

    private static String action(TimelineEntry entry, Words words) {
        String kind = fact(entry, "action");
        if (kind == null) {
            return words.get("issue.action-taken");
        }
        String place = fact(entry, "locationName") != null ? fact(entry, "locationName") : fact(entry, "place");
        String when = fact(entry, "scheduledAt") == null ? null : words.at(OffsetDateTime.parse(fact(entry, "scheduledAt")));
        return switch (kind) {
            case "refund" -> words.fill("action.refund", "amount", words.money(fact(entry, "amount"), fact(entry, "currency")));
            case "repair", "visit" -> words.fill(place == null ? "action." + kind + ".noplace" : "action." + kind,
                    "place", place, "when", when);
            case "repair_done" -> place == null ? words.get("action.repair_done")
                    : words.fill("action.repair_done.at", "place", place);
            default -> words.get("action." + kind);
        };
    }

    private static String fact(TimelineEntry entry, String key) {
        return entry.facts == null ? null : entry.facts.get(key);
    }
}
