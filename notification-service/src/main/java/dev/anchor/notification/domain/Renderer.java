package dev.anchor.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a message with the Qute templates under {@code templates/notification/<language>/}: one template per
 * message type holding its subject, body and SMS text, wrapped by the language's plain-text and HTML email layouts.
 */
@ApplicationScoped
public class Renderer {

    public static final int MAX_SMS_SEGMENTS = 2;

    public record Rendered(String language, String subject, String text, String html, String sms, String summary) {
    }

    private final Engine engine;

    public Renderer(Engine engine) {
        this.engine = engine;
    }

    /** One change a message tells: its template and the issue and change (or contact) its event carried. */
    public record Part(dev.anchor.notification.domain.Template template, JsonNode issue, JsonNode change) {
    }

    public Rendered render(dev.anchor.notification.domain.Template template, String language, JsonNode issue,
                           JsonNode change, String customerName, String statusUrl, ZoneId zone) {
        return render(List.of(new Part(template, issue, change)), language, customerName, statusUrl, zone);
    }

    /**
     * One part renders with its own template; several (rapid changes to one issue) render as a digest: each part's
     * body in order, the SMS joining each part's short line, the link that of the issue, the subject the digest's or,
     * when a part is critical, that part's.
     */
    public Rendered render(List<Part> parts, String language, String customerName, String statusUrl, ZoneId zone) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Nothing to render");
        }
        String lang = Language.pick(language);
        String subject;
        String body;
        String sms;
        String summary;
        Map<String, Object> model;
        if (parts.size() == 1) {
            Part p = parts.get(0);
            model = model(lang, p.issue(), p.change(), customerName, statusUrl, zone);
            Template messages = get(lang + "/" + p.template().id + ".txt");
            subject = part(messages, model, "subject");
            body = part(messages, model, "body");
            sms = part(messages, model, "sms");
            summary = subject;
        } else {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Part p : parts) {
                Map<String, Object> m = model(lang, p.issue(), p.change(), customerName, statusUrl, zone);
                Template messages = get(lang + "/" + p.template().id + ".txt");
                Map<String, Object> item = new HashMap<>();
                item.put("subject", part(messages, m, "subject"));
                item.put("body", part(messages, m, "body"));
                String line = part(messages, m, "line");
                item.put("line", line.isEmpty() ? item.get("subject") : line);
                items.add(item);
            }
            Part latest = parts.get(parts.size() - 1);
            Map<String, Object> digestModel = model(lang, latest.issue(), latest.change(), customerName, statusUrl, zone);
            if (((String) digestModel.get("number")).isEmpty()) {
                parts.stream().map(p -> text(p.issue().path("number"))).filter(n -> !n.isEmpty()).findFirst()
                        .ifPresent(n -> digestModel.put("number", n));
            }
            model = digestModel;
            model.put("items", items);
            Template digest = get(lang + "/" + dev.anchor.notification.domain.Template.DIGEST + ".txt");
            subject = part(digest, model, "subject");
            // a digest that tells a critical change (resolved, closed…) leads with it
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).template().category == dev.anchor.notification.domain.Template.Category.critical) {
                    subject = (String) items.get(i).get("subject");
                }
            }
            body = part(digest, model, "body");
            sms = part(digest, model, "sms");
            summary = part(digest, model, "summary");
        }
        model.put("body", body);
        model.put("subject", subject);
        String text = get(lang + "/email.txt").data(model).render().strip() + "\n";
        String html = get(lang + "/email.html").data(model).render().strip() + "\n";
        String link = statusUrl == null || statusUrl.isBlank() ? "" : " " + statusUrl;
        String smsText = SmsSegments.fit(sms, link, MAX_SMS_SEGMENTS);
        return new Rendered(lang, subject, text, html, smsText, summary);
    }

    private Template get(String id) {
        Template template = engine.getTemplate("notification/" + id);
        if (template == null) {
            throw new IllegalStateException("No template notification/" + id);
        }
        return template;
    }

    private static String part(Template template, Map<String, Object> model, String part) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("part", part);
        return template.data(data).render().strip().replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\\n{3,}", "\n\n");
    }

    private Map<String, Object> model(String lang, JsonNode issue, JsonNode change, String customerName,
                                             String statusUrl, ZoneId zone) {
        Locale locale = Locale.forLanguageTag(lang);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("de".equals(lang) ? "d. MMMM yyyy, HH:mm" : "d MMMM yyyy, HH:mm",
                locale);
        Map<String, Object> m = new HashMap<>();
        m.put("name", text(customerName));
        m.put("number", text(issue.path("number")));
        m.put("title", text(issue.path("title")));
        m.put("statusLabel", text(issue.path("customerStatusLabel")));
        m.put("status", text(issue.path("status")));
        m.put("statusUrl", text(statusUrl));
        m.put("hasLink", statusUrl != null && !statusUrl.isBlank());
        m.put("owner", text(change.path("owner").path("displayName").isMissingNode()
                ? issue.path("owner").path("displayName") : change.path("owner").path("displayName")));
        m.put("previousOwner", text(change.path("previousOwner").path("displayName")));
        m.put("backAt", time(change.path("previousOwnerBackAt"), zone, format));
        m.put("introduction", text(change.path("introduction")));
        m.put("what", text(change.path("what")));
        m.put("dueAt", time(change.path("dueAt"), zone, format));
        m.put("author", text(change.path("author").path("displayName")));
        m.put("comment", text(change.path("text")));
        m.put("kind", text(change.path("kind")));
        m.put("kindLabel", label(lang, "kind", text(change.path("kind"))));
        m.put("reason", text(change.path("reason")));
        m.put("contactChannel", label(lang, "channel", text(change.path("channel"))));
        m.put("occurredAt", time(change.path("occurredAt"), zone, format));
        m.put("summary", text(change.path("summary")));
        m.put("amount", text(change.path("amount")));
        m.put("currency", text(change.path("currency")));
        m.put("place", text(change.path("place")));
        m.put("scheduledAt", time(change.path("scheduledAt"), zone, format));
        m.put("note", text(change.path("note")));
        m.put("by", text(change.path("by")));
        return m;
    }

    /** A readable, translated label for a code (an action's kind, a contact's channel) from {@code labels.txt}. */
    private String label(String lang, String group, String value) {
        if (value.isEmpty()) {
            return "";
        }
        String label = get(lang + "/labels.txt").data("group", group).data("value", value).render().strip();
        return label.isEmpty() ? value : label;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String time(JsonNode node, ZoneId zone, DateTimeFormatter format) {
        String value = text(node);
        if (value.isEmpty()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(value).atZoneSameInstant(zone).format(format);
        } catch (RuntimeException e) {
            return value;
        }
    }
}
