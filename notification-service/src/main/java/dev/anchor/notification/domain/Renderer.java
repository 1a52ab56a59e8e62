package dev.anchor.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.locale.CustomerLocale;
import dev.anchor.blocks.locale.PostalAddress;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a message with the Qute templates under {@code templates/notification/<language>/}: one template per
 * message type holding its headline (what is new: the body's first line and the message's summary), body, SMS pieces
 * and digest line; {@code common.txt} with the issue's subject (the same for every message of an issue, so they thread
 * as one conversation), the appointment card's words and the SMS greeting; {@code mail-words.txt} with the words of the
 * plain-text and HTML email layouts ({@code templates/notification/email.txt}, {@code email.html}, one for every
 * language), which add the organisation's footer and the preferences (and, unless critical, unsubscribe) links.
 * Every amount, date and time is the customer's ({@link CustomerLocale}), as the status page shows them.
 */
@ApplicationScoped
public class Renderer {

    public static final int MAX_SMS_SEGMENTS = 2;
    static final String STEP_COMPLETED = "next-action-completed";

    /** What is sent; {@code template} is the part's own, or {@code digest} when it tells several changes. */
    public record Rendered(String language, String subject, String text, String html, String sms, String summary,
                           String template) {
    }

    /**
     * Who a message is for and what it may link to: the category decides the unsubscribe link (critical messages carry
     * none), {@code now} the links' expiry and whether an appointment is still ahead.
     */
    public record Recipient(UUID customerId, String language, ZoneId zone, String name, String statusUrl,
                            dev.anchor.notification.domain.Template.Category category, Instant now) {
    }

    /**
     * One change a message tells: its template and the issue and change (or contact) its event carried; a null
     * template is an event that tells nothing itself but says the issue moved on (a completed step).
     */
    public record Part(dev.anchor.notification.domain.Template template, JsonNode issue, JsonNode change) {
    }

    private final Engine engine;
    private final MailSettings mail;
    private final Links links;

    public Renderer(Engine engine, MailSettings mail, Links links) {
        this.engine = engine;
        this.mail = mail;
        this.links = links;
    }

    public Rendered render(dev.anchor.notification.domain.Template template, Recipient recipient, JsonNode issue,
                           JsonNode change) {
        return render(List.of(new Part(template, issue, change)), recipient);
    }

    /**
     * One part renders with its own template; several (rapid changes to one issue) render as a digest: each part's
     * headline and body in order, the SMS joining each part's short line, the link that of the issue. A step the
     * customer was asked for that a later part shows done (completed, another step, resolved or closed) is left out.
     *
     * @return null when nothing is left to tell
     */
    public Rendered render(List<Part> all, Recipient r) {
        List<Part> parts = current(all);
        if (parts.isEmpty()) {
            return null;
        }
        CustomerLocale locale = CustomerLocale.of(r.language(), r.zone().getId(), Language.SUPPORTED);
        String lang = locale.language();
        Part latest = parts.getLast();
        JsonNode state = newestState(all);
        Map<String, Object> base = model(lang, locale, state, latest.change(), r);
        if (text(state.path("number")).isEmpty()) {
            all.stream().map(p -> text(p.issue().path("number"))).filter(n -> !n.isEmpty()).findFirst()
                    .ifPresent(n -> base.put("number", n));
        }
        Template common = get(lang + "/common.txt");
        String headline;
        String body;
        List<String> sms = new ArrayList<>();
        String summary;
        Map<String, Object> card;
        if (parts.size() == 1) {
            Part p = parts.getFirst();
            Map<String, Object> m = model(lang, locale, p.issue(), p.change(), r);
            m.put("number", base.get("number"));
            Template messages = get(lang + "/" + p.template().id + ".txt");
            headline = part(messages, m, "headline");
            body = part(messages, m, "body");
            sms.addAll(lines(part(messages, m, "sms")));
            summary = headline;
            card = card(locale, p, state, r);
        } else {
            List<Map<String, Object>> items = new ArrayList<>();
            String criticalHeadline = null;
            card = null;
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                Map<String, Object> m = model(lang, locale, p.issue(), p.change(), r);
                m.put("number", base.get("number"));
                Template messages = get(lang + "/" + p.template().id + ".txt");
                Map<String, Object> item = new HashMap<>();
                item.put("headline", part(messages, m, "headline"));
                // a type may say itself differently inside a digest (its headline would only repeat its body)
                String own = part(messages, m, "digest");
                item.put("title", own.isEmpty() ? item.get("headline") : "");
                item.put("body", own.isEmpty() ? part(messages, m, "body") : own);
                String line = part(messages, m, "line");
                item.put("line", line.isEmpty() ? item.get("headline") : line);
                items.add(item);
                if (p.template().category == dev.anchor.notification.domain.Template.Category.critical) {
                    criticalHeadline = (String) item.get("headline");
                }
                Map<String, Object> c = card(locale, p, state, r);
                if (c != null) {
                    card = c;
                }
            }
            Map<String, Object> digestModel = new HashMap<>(base);
            digestModel.put("items", items);
            Template digest = get(lang + "/" + dev.anchor.notification.domain.Template.DIGEST + ".txt");
            // a digest that tells a critical change (resolved, closed…) leads with it
            headline = criticalHeadline != null ? criticalHeadline : part(digest, digestModel, "headline");
            body = part(digest, digestModel, "body");
            sms.add("c|" + part(digest, digestModel, "sms"));
            for (int i = 0; i < items.size(); i++) {
                boolean last = i == items.size() - 1;
                boolean critical = parts.get(i).template().category
                        == dev.anchor.notification.domain.Template.Category.critical;
                sms.add((last || critical ? "c|" : "o|") + items.get(i).get("line"));
            }
            summary = part(digest, digestModel, "summary");
        }
        Map<String, Object> model = new HashMap<>(base);
        model.put("card", card);
        model.put("headline", headline);
        model.put("body", body);
        model.put("paragraphs", paragraphs(body));
        // the issue's own subject, the same for every message of it; a contact summary about no issue has its headline
        String subject = part(common, model, ((String) base.get("number")).isEmpty() ? "none" : "subject");
        if (subject.isEmpty()) {
            subject = headline;
        }
        model.put("subject", subject);
        // one layout for every language (email.txt, email.html), its words from the language's mail-words.txt
        model.put("lang", lang);
        model.put("w", words(get(lang + "/mail-words.txt"), model));
        String text = tidy(get("email.txt").data(model).render()) + "\n";
        String html = get("email.html").data(model).render().strip() + "\n";
        List<SmsSegments.Piece> pieces = new ArrayList<>();
        if (!text(r.name()).isBlank()) {
            pieces.add(SmsSegments.Piece.of("g|" + part(common, model, "sms-greeting")));
        }
        sms.stream().filter(l -> !l.isBlank()).map(SmsSegments.Piece::of).forEach(pieces::add);
        if (card != null) {
            boolean about = (boolean) card.get("about");
            for (String l : lines(part(common, model, "sms-card"))) {
                SmsSegments.Piece piece = SmsSegments.Piece.of(l);
                // the time and place are what matters in a message about the booking; elsewhere they are details
                pieces.add(about || piece.rank() < SmsSegments.CORE ? piece
                        : new SmsSegments.Piece(SmsSegments.DETAIL + 1, piece.text(), false));
            }
        }
        String link = text(r.statusUrl()).isBlank() ? ""
                : part(common, model, "sms-link").strip();
        String smsText = SmsSegments.compose(pieces, link, MAX_SMS_SEGMENTS);
        return new Rendered(lang, subject, text, html, smsText, summary,
                parts.size() == 1 ? parts.getFirst().template().id : dev.anchor.notification.domain.Template.DIGEST);
    }

    /**
     * The parts that still tell something: a completed step (and the event that completed it) leaves no part; a
     * step asked for (or ours said to be late) is left out once a later state shows it done, replaced or the issue
     * resolved or closed.
     */
    static List<Part> current(List<Part> all) {
        List<Part> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Part p = all.get(i);
            if (p.template() == null) {
                continue;
            }
            if (aboutAStep(p.template()) && stepDoneLater(p, all.subList(i + 1, all.size()))) {
                continue;
            }
            kept.add(p);
        }
        return kept;
    }

    /** A part about one step (asked of the customer, or ours running late): it goes stale once that step is over. */
    private static boolean aboutAStep(dev.anchor.notification.domain.Template template) {
        return template == dev.anchor.notification.domain.Template.NEXT_ACTION
                || template == dev.anchor.notification.domain.Template.NEXT_ACTION_OVERDUE;
    }

    private static boolean stepDoneLater(Part step, List<Part> later) {
        String what = text(step.change().path("what"));
        String due = text(step.change().path("dueAt"));
        for (Part l : later) {
            if (l.template() == null && what.equals(text(l.change().path("what")))) {
                return true; // issue.next-action-completed of that step
            }
            String status = text(l.issue().path("status"));
            if (status.equals("resolved") || status.equals("closed")) {
                return true;
            }
            JsonNode next = l.issue().path("nextAction");
            if (next.isObject() && !(what.equals(text(next.path("what"))) && due.equals(text(next.path("dueAt"))))) {
                return true; // another step replaced it
            }
            if (next.isNull()) {
                return true;
            }
        }
        return false;
    }

    /** The newest issue state the parts carry (by version; the last on a tie). */
    private static JsonNode newestState(List<Part> parts) {
        JsonNode newest = parts.getLast().issue();
        long version = Long.MIN_VALUE;
        for (Part p : parts) {
            JsonNode v = p.issue().path("version");
            long value = v.canConvertToLong() ? v.asLong() : Long.MIN_VALUE;
            if (value >= version && p.issue().isObject() && p.issue().size() > 0) {
                version = value;
                newest = p.issue();
            }
        }
        return newest;
    }

    private Template get(String id) {
        Template template = engine.getTemplate("notification/" + id);
        if (template == null) {
            throw new IllegalStateException("No template notification/" + id);
        }
        return template;
    }

    /** The layout's words in one language: {@code key|text} lines, rendered with the message's model. */
    private static Map<String, String> words(Template template, Map<String, Object> model) {
        Map<String, String> words = new HashMap<>();
        for (String line : template.data(model).render().split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                words.put(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
            }
        }
        return words;
    }

    private static String part(Template template, Map<String, Object> model, String part) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("part", part);
        return template.data(data).render().strip().replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\\n{3,}", "\n\n");
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String tidy(String text) {
        return text.strip().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
    }

    private static List<String> paragraphs(String body) {
        return List.of(body.split("\\n\\s*\\n")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private Map<String, Object> model(String lang, CustomerLocale locale, JsonNode issue, JsonNode change, Recipient r) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", text(r.name()));
        m.put("number", text(issue.path("number")));
        m.put("title", text(issue.path("title")));
        m.put("statusLabel", text(issue.path("customerStatusLabel")));
        m.put("status", text(issue.path("status")));
        m.put("statusUrl", text(r.statusUrl()));
        m.put("hasLink", r.statusUrl() != null && !r.statusUrl().isBlank());
        m.put("owner", text(change.path("owner").path("displayName").isMissingNode()
                ? issue.path("owner").path("displayName") : change.path("owner").path("displayName")));
        m.put("previousOwner", text(change.path("previousOwner").path("displayName")));
        m.put("backAt", dateTime(change.path("previousOwnerBackAt"), locale));
        m.put("introduction", text(change.path("introduction")));
        m.put("what", sentence(text(change.path("what"))));
        m.put("dueAt", dateTime(change.path("dueAt"), locale));
        // a late step's new time, only while it is ahead: a promise that has passed is not made again
        m.put("revisedAt", upcoming(change.path("revisedDueAt"), r.now()) ? dateTime(change.path("revisedDueAt"), locale) : "");
        m.put("author", text(change.path("author").path("displayName")));
        m.put("comment", text(change.path("text")).strip());
        m.put("commentLine", oneLine(text(change.path("text"))));
        m.put("kind", text(change.path("kind")));
        m.put("kindLabel", label(lang, "kind", text(change.path("kind"))));
        m.put("reason", text(change.path("reason")).strip());
        m.put("contactChannel", label(lang, "channel", text(change.path("channel"))));
        m.put("occurredAt", dateTime(change.path("occurredAt"), locale));
        m.put("summary", text(change.path("summary")).strip());
        m.put("summaryLine", oneLine(text(change.path("summary"))));
        m.put("amount", money(change.path("amount"), text(change.path("currency")), locale));
        JsonNode location = change.path("location");
        String place = location.isObject() ? text(location.path("name")) : text(change.path("place"));
        m.put("place", place);
        m.put("scheduledAt", dateTime(change.path("scheduledAt"), locale));
        m.put("note", text(change.path("note")).strip());
        m.put("noteLine", oneLine(text(change.path("note"))));
        m.put("hasLocation", location.isObject());
        m.put("by", text(change.path("by")));
        m.put("automatic", change.path("automatic").asBoolean(false));
        m.put("closesAt", date(issue.path("closesAt"), locale));
        m.put("reopenableUntil", date(issue.path("reopenableUntil"), locale));
        MailSettings.Organisation org = mail.organisation();
        m.put("orgName", org.name());
        m.put("orgPhone", org.phone());
        m.put("orgEmail", org.email());
        m.put("orgWeb", org.web());
        m.put("preferencesUrl", r.customerId() == null ? "" : links.preferences(r.customerId(), r.now()));
        m.put("unsubscribeUrl", r.customerId() == null || r.category() == dev.anchor.notification.domain.Template.Category.critical ? ""
                : links.unsubscribe(r.customerId(), r.category().name(), r.now()));
        m.put("card", null);
        m.put("items", List.of());
        m.put("headline", "");
        m.put("body", "");
        m.put("paragraphs", List.of());
        m.put("subject", "");
        return m;
    }

    /**
     * The appointment (or place) card of a message that concerns a booking: the issue's upcoming appointment, a
     * booking the action just made, or the place a step of the customer's happens at. Null when there is none (or the
     * issue is resolved or closed, or the appointment is past).
     */
    private static Map<String, Object> card(CustomerLocale locale, Part p, JsonNode state, Recipient r) {
        if (p.template() == dev.anchor.notification.domain.Template.CONTACT_SUMMARY) {
            return null;
        }
        String status = text(state.path("status"));
        if (status.equals("resolved") || status.equals("closed")) {
            return null;
        }
        JsonNode appointment = state.path("appointment");
        JsonNode place = null;
        String when = "";
        String bring = "";
        String kind = "";
        boolean about = false;
        boolean booking = false;
        if (appointment.isObject() && appointment.path("place").isObject() && upcoming(appointment.path("scheduledAt"), r.now())) {
            place = appointment.path("place");
            when = dateTime(appointment.path("scheduledAt"), locale);
            bring = text(appointment.path("bring"));
            kind = text(appointment.path("kind"));
            booking = true;
            about = p.template() == dev.anchor.notification.domain.Template.ACTION_TAKEN
                    && (text(appointment.path("actionId")).equals(text(p.change().path("actionId")))
                    || text(appointment.path("actionId")).isEmpty());
        } else if (p.template() == dev.anchor.notification.domain.Template.ACTION_TAKEN
                && p.change().path("location").isObject() && upcoming(p.change().path("scheduledAt"), r.now())) {
            place = p.change().path("location");
            when = dateTime(p.change().path("scheduledAt"), locale);
            kind = text(p.change().path("kind")).equals("repair") ? "repair" : "visit";
            booking = true;
            about = true;
        } else if (p.template() == dev.anchor.notification.domain.Template.NEXT_ACTION
                && state.path("nextAction").path("place").isObject()) {
            place = state.path("nextAction").path("place");
            about = true;
        }
        if (place == null) {
            return null;
        }
        Map<String, Object> card = new HashMap<>();
        card.put("about", about);
        card.put("booking", booking);
        card.put("kind", kind);
        card.put("when", when);
        card.put("bring", bring);
        card.put("placeName", text(place.path("name")));
        List<String> address = new ArrayList<>();
        place.path("address").path("lines").forEach(l -> address.add(text(l)));
        String postalCode = text(place.path("address").path("postalCode"));
        String city = text(place.path("address").path("city"));
        // "Leeds LS1 4DL" where the post code follows the town, "40591 Düsseldorf" where it leads
        String cityLine = PostalAddress.townLine(city, postalCode, text(place.path("address").path("country"))).strip();
        if (!cityLine.isEmpty()) {
            address.add(cityLine);
        }
        card.put("address", String.join(", ", address.stream().filter(s -> !s.isBlank()).toList()));
        card.put("placePhone", text(place.path("phone")));
        card.put("hours", hours(place.path("openingHours"), locale));
        // an en dash would make the whole SMS UCS-2 (half the room)
        card.put("hoursSms", ((String) card.get("hours")).replace('–', '-'));
        return card;
    }

    private static boolean upcoming(JsonNode at, Instant now) {
        Instant instant = instant(at);
        return instant != null && (now == null || instant.isAfter(now));
    }

    /** Opening hours as the customer reads them: "Monday–Friday 09:00–17:30; Saturday 10:00–16:00". */
    static String hours(JsonNode openingHours, CustomerLocale locale) {
        if (!openingHours.isArray()) {
            return "";
        }
        DateTimeFormatter timeFormat = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale.format());
        List<String> out = new ArrayList<>();
        for (JsonNode slot : openingHours) {
            List<DayOfWeek> days = new ArrayList<>();
            slot.path("days").forEach(d -> {
                try {
                    days.add(DayOfWeek.valueOf(text(d).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    // a day we cannot read is left out rather than shown as code
                }
            });
            if (days.isEmpty()) {
                continue;
            }
            days.sort(null);
            String dayText;
            boolean consecutive = days.getLast().getValue() - days.getFirst().getValue() == days.size() - 1;
            if (days.size() >= 3 && consecutive) {
                dayText = dayName(days.getFirst(), locale) + "–" + dayName(days.getLast(), locale);
            } else {
                dayText = String.join(", ", days.stream().map(d -> dayName(d, locale)).toList());
            }
            String time = "";
            try {
                time = timeFormat.format(LocalTime.parse(text(slot.path("opens")))) + "–"
                        + timeFormat.format(LocalTime.parse(text(slot.path("closes"))));
            } catch (RuntimeException unreadable) {
                time = (text(slot.path("opens")) + "–" + text(slot.path("closes")));
            }
            out.add(dayText + " " + time);
        }
        return String.join("; ", out);
    }

    private static String dayName(DayOfWeek day, CustomerLocale locale) {
        return day.getDisplayName(TextStyle.FULL, locale.format());
    }

    /** A readable, translated label for a code (an action's kind, a contact's channel) from {@code labels.txt}. */
    private String label(String lang, String group, String value) {
        if (value.isEmpty()) {
            return "";
        }
        String label = get(lang + "/labels.txt").data("group", group).data("value", value).render().strip();
        return label.isEmpty() ? value : label;
    }

    /** Free text of a step as part of a sentence: without the full stop it may end with. */
    private static String sentence(String text) {
        String s = text.strip();
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** Free text on one line (an SMS piece is one line). */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Instant instant(JsonNode node) {
        String value = text(node);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String dateTime(JsonNode node, CustomerLocale locale) {
        Instant at = instant(node);
        return at == null ? "" : locale.dateTime(at);
    }

    private static String date(JsonNode node, CustomerLocale locale) {
        Instant at = instant(node);
        return at == null ? "" : locale.date(at);
    }

    /** An amount in the customer's format ({@code £1,249.50}, {@code 1.249,50 €}); as a plain number without a currency. */
    private static String money(JsonNode node, String currency, CustomerLocale locale) {
        String value = text(node);
        if (value.isEmpty()) {
            return "";
        }
        BigDecimal amount;
        try {
            amount = node.isNumber() ? node.decimalValue() : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return (value + " " + currency).strip();
        }
        try {
            return locale.money(amount, currency.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException unknownCurrency) {
            java.text.NumberFormat number = java.text.NumberFormat.getNumberInstance(locale.format());
            number.setMinimumFractionDigits(amount.scale() > 0 ? 2 : 0);
            number.setMaximumFractionDigits(2);
            return (number.format(amount) + " " + currency).strip();
        }
    }
}
