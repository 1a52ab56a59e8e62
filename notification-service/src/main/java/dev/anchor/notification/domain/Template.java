package dev.anchor.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Optional;

/** The messages a customer can get, which issue event causes each, and its consent category. */
public enum Template {
    ISSUE_OPENED("issue-opened", "issue.opened", Category.critical),
    ISSUE_ASSIGNED("issue-assigned", "issue.assigned", Category.service),
    NEXT_ACTION("next-action", "issue.next-action-set", Category.service),
    COMMENT("comment", "issue.commented", Category.service),
    ACTION_TAKEN("action-taken", "issue.action-taken", Category.service),
    ISSUE_RESOLVED("issue-resolved", "issue.status-changed", Category.critical),
    ISSUE_CLOSED("issue-closed", "issue.closed", Category.critical),
    ISSUE_REOPENED("issue-reopened", "issue.reopened", Category.service),
    CONTACT_SUMMARY("contact-summary", "contact.logged", Category.service);

    /** The template of a message that tells several changes to one issue at once (not triggered by one event). */
    public static final String DIGEST = "digest";

    public enum Category { critical, service, marketing }

    public final String id;
    public final String eventType;
    public final Category category;

    Template(String id, String eventType, Category category) {
        this.id = id;
        this.eventType = eventType;
        this.category = category;
    }

    /** The more critical of two categories (critical before service before marketing). */
    public static Category mostCritical(Category a, Category b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    public static Optional<Template> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /**
     * The message an issue event calls for, or empty when it is nothing the customer is told about: internal
     * comments, the customer's own comments, next actions for staff or partners, status changes other than resolved.
     * For {@code contact.logged}, {@code change} is the contact: a summary only when the customer asked for it.
     */
    public static Optional<Template> forEvent(String type, JsonNode change) {
        return switch (type) {
            case "issue.opened" -> Optional.of(ISSUE_OPENED);
            case "issue.assigned" -> Optional.of(ISSUE_ASSIGNED);
            case "issue.next-action-set" -> "customer".equals(change.path("who").asText())
                    ? Optional.of(NEXT_ACTION) : Optional.empty();
            case "issue.commented" -> "public".equals(change.path("visibility").asText())
                    && !"customer".equals(change.path("author").path("role").asText())
                    ? Optional.of(COMMENT) : Optional.empty();
            case "issue.action-taken" -> Optional.of(ACTION_TAKEN);
            case "issue.status-changed" -> "resolved".equals(change.path("to").asText())
                    ? Optional.of(ISSUE_RESOLVED) : Optional.empty();
            case "issue.closed" -> Optional.of(ISSUE_CLOSED);
            case "issue.reopened" -> Optional.of(ISSUE_REOPENED);
            case "contact.logged" -> change.path("summaryRequested").asBoolean(false)
                    && !change.path("summary").asText("").isBlank() ? Optional.of(CONTACT_SUMMARY) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
