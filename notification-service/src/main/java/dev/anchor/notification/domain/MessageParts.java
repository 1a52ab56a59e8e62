package dev.anchor.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What a message tells while it waits, kept as JSON in its row ({@link Notification#parts}): one part per event,
 * {eventId, type, template, urgent, issue, change} as the event carried it, so it can be decided and rendered again
 * (its customer arrived) or combined with a later change (a digest).
 */
@ApplicationScoped
public class MessageParts {

    private static final Logger LOG = Logger.getLogger(MessageParts.class);
    /** Marks the one part of a message that tells the customer nothing they were not told (the key stored rows carry). */
    private static final String NOTHING_NEW = "nothing-new";

    private final ObjectMapper mapper;
    private final IssueReplicas issues;

    public MessageParts(ObjectMapper mapper, IssueReplicas issues) {
        this.mapper = mapper;
        this.issues = issues;
    }

    /** The parts of a new message: the one event it tells ({@code issue} is null for a contact summary). */
    public String of(UUID eventId, String type, Template template, boolean urgent, JsonNode issue, JsonNode change,
                     boolean nothingNew) {
        ObjectNode part = mapper.createObjectNode();
        part.put("eventId", eventId.toString());
        part.put("type", type);
        part.put("template", template.id);
        part.put("urgent", urgent);
        if (issue != null && issue.isObject()) {
            part.set("issue", issue);
        }
        part.set("change", change != null && change.isObject() ? change : mapper.createObjectNode());
        if (nothingNew) {
            part.put(NOTHING_NEW, true);
        }
        return write(mapper.createArrayNode().add(part));
    }

    /**
     * {@code n}, still waiting, learns of {@code issue.next-action-completed}: the event is kept as a part of its own
     * that tells nothing, so the step it completed is left out when {@code n} is rendered (now or with a later change).
     */
    public void stepCompleted(Notification n, UUID eventId, String type, JsonNode issue, JsonNode change) {
        ObjectNode part = mapper.createObjectNode();
        part.put("eventId", eventId.toString());
        part.put("type", type);
        part.put("template", Renderer.STEP_COMPLETED);
        part.put("urgent", false);
        if (issue != null && issue.isObject()) {
            part.set("issue", issue);
        }
        part.set("change", change != null && change.isObject() ? change : mapper.createObjectNode());
        JsonNode stored = read(n.parts);
        ArrayNode parts = stored.isArray() ? (ArrayNode) stored : mapper.createArrayNode();
        for (JsonNode p : parts) {
            if (eventId.toString().equals(p.path("eventId").asText())) {
                return;
            }
        }
        parts.add(part);
        n.parts = write(parts);
    }

    /** Whether {@code n} only tells what the customer was already told. */
    public boolean tellNothingNew(Notification n) {
        JsonNode stored = read(n.parts);
        return stored.size() == 1 && stored.get(0).path(NOTHING_NEW).asBoolean();
    }

    /** {@code n} takes over the waiting messages' parts, all in the order they were created ({@code n}'s last on a tie). */
    public void combine(Notification n, List<Notification> waiting) {
        List<Notification> all = new ArrayList<>(waiting);
        all.add(n);
        all.sort(Comparator.comparing((Notification o) -> o.createdAt).thenComparing(o -> o == n ? 1 : 0));
        ArrayNode combined = mapper.createArrayNode();
        for (Notification o : all) {
            read(o.parts).forEach(combined::add);
        }
        n.parts = write(combined);
    }

    /** What {@code n} tells, one part per event, ready to render. */
    public List<Renderer.Part> toRender(Notification n) {
        List<Renderer.Part> parts = new ArrayList<>();
        for (JsonNode p : read(n.parts)) {
            Template template = Template.byId(p.path("template").asText()).orElse(null);
            boolean stepCompleted = Renderer.STEP_COMPLETED.equals(p.path("template").asText());
            if (template == null && !stepCompleted) {
                continue;
            }
            JsonNode issue = p.path("issue");
            if (!issue.isObject()) {
                issue = issueFromReplica(n.issueId);
            }
            // a completed step tells nothing itself; it lets the rendering leave that step out
            parts.add(new Renderer.Part(template, issue, p.path("change")));
        }
        return parts;
    }

    /** What the replica knows of an issue, in the shape issue events carry it (for a contact summary naming it). */
    private JsonNode issueFromReplica(UUID issueId) {
        ObjectNode issue = mapper.createObjectNode();
        IssueReplica r = issueId == null ? null : issues.byId(issueId);
        if (r != null) {
            issue.put("id", r.id.toString());
            if (r.number != null) {
                issue.put("number", r.number);
            }
            if (r.title != null) {
                issue.put("title", r.title);
            }
            if (r.status != null) {
                issue.put("status", r.status);
            }
            if (r.statusLabel != null) {
                issue.put("customerStatusLabel", r.statusLabel);
            }
            if (r.ownerName != null) {
                issue.putObject("owner").put("displayName", r.ownerName);
            }
        }
        return issue;
    }

    private JsonNode read(String json) {
        try {
            JsonNode node = json == null ? null : mapper.readTree(json);
            return node == null || !node.isArray() ? mapper.createArrayNode() : node;
        } catch (JsonProcessingException e) {
            LOG.warnf("Unreadable parts of a notification: %s", e.getOriginalMessage());
            return mapper.createArrayNode();
        }
    }

    private String write(JsonNode parts) {
        try {
            return mapper.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
