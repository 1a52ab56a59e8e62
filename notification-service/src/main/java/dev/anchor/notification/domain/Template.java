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
    NEXT_ACTION_OVERDUE("next-action-overdue", "issue.next-action-overdue", Category.service),
    CONTACT_SUMMARY("contact-summary", "contact.logged", Category.service, true),
    STATUS_LINK("status-link", "issue.status-link-issued", Category.critical, true);

    /** The template of a message that tells several changes to one issue at once (not triggered by one event). */
    public static final String DIGEST = "digest";

    public enum Category { critical, service, marketing }

    public final String id;
    public final String eventType;
    public final Category category;
    /** The customer asked for this message: it goes alone, never combined with others about the issue. */
    public final boolean askedFor;

    Template(String id, String eventType, Category category) {
        this(id, eventType, category, false);
    }

    Template(String id, String eventType, Category category, boolean askedFor) {
        this.id = id;
        this.eventType = eventType;
        this.category = category;
        this.askedFor = askedFor;
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
     * comments, the customer's own comments, next actions for staff or partners, status changes other than resolved,
     * links staff issued (they hand those over themselves).
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
            // a step of ours is late: told once, with the new time; the customer's own late step is not nagged about
            case "issue.next-action-overdue" -> "customer".equals(change.path("who").asText())
                    ? Optional.empty() : Optional.of(NEXT_ACTION_OVERDUE);
            case "issue.status-link-issued" -> "customer".equals(change.path("requestedBy").asText())
                    ? Optional.of(STATUS_LINK) : Optional.empty();
            case "contact.logged" -> change.path("summaryRequested").asBoolean(false)
                    && !change.path("summary").asText("").isBlank() ? Optional.of(CONTACT_SUMMARY) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
