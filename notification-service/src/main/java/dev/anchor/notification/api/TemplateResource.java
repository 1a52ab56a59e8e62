package dev.anchor.notification.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.Roles;
import dev.anchor.notification.domain.Language;
import dev.anchor.notification.domain.Renderer;
import dev.anchor.notification.domain.SmsSegments;
import dev.anchor.notification.domain.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** The message templates and a preview that renders one for a sample event without sending anything. */
@Path("/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates")
public class TemplateResource {

    public record TemplateInfo(String type, String trigger, String category, List<String> channels, List<String> languages) {
    }

    public record Preview(String type, String language, String subject, String text, String html, String sms,
                          String smsEncoding, int smsSegments, int smsUnits) {
    }

    /** The customer a preview's links name (signed like real ones, for nobody). */
    private static final java.util.UUID SAMPLE_CUSTOMER = java.util.UUID.fromString("00000000-0000-0000-0000-000000000000");

    private final Renderer renderer;
    private final ObjectMapper mapper;
    private final java.time.Clock clock;

    public TemplateResource(Renderer renderer, ObjectMapper mapper, java.time.Clock clock) {
        this.renderer = renderer;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM})
    @Operation(summary = "List the templates", description = "One per kind of message, each in every supported language "
            + "(others fall back to English), for email (plain text and HTML) and SMS.")
    public List<TemplateInfo> list() {
        return Arrays.stream(Template.values()).map(t -> new TemplateInfo(t.id, t.eventType, t.category.name(),
                List.of("email", "sms"), Language.SUPPORTED)).toList();
    }

    @POST
    @Path("/{type}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM})
    @Operation(summary = "Render a template for a sample event", description = "Nothing is sent or stored. Members "
            + "missing from the sample come from a built-in one; an unsupported language falls back to English.")
    @APIResponse(responseCode = "200", description = "Subject, plain text, HTML and SMS with its encoding and segments")
    @APIResponse(responseCode = "400", description = "Invalid sample")
    @APIResponse(responseCode = "404", description = "No such template")
    public Preview preview(@PathParam("type") String type, @Valid @NotNull PreviewRequest request) {
        Template template = Template.byId(type).orElseThrow(() -> Problems.notFound("Template", type));
        if (request.issue() != null && !request.issue().isObject()) {
            throw Problems.invalidField("issue", "must be an object");
        }
        if (request.change() != null && !request.change().isObject()) {
            throw Problems.invalidField("change", "must be an object");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone() == null ? "UTC" : request.timeZone());
        } catch (RuntimeException e) {
            throw Problems.invalidField("timeZone", "is not a known time zone");
        }
        ObjectNode issue = sampleIssue();
        if (request.issue() != null) {
            issue.setAll((ObjectNode) request.issue());
        }
        ObjectNode change = sampleChange(template);
        if (request.change() != null) {
            change.setAll((ObjectNode) request.change());
        }
        String link = request.statusUrl() == null ? "https://status.anchor.local/status/sample-token" : request.statusUrl();
        Renderer.Rendered r = renderer.render(template, new Renderer.Recipient(SAMPLE_CUSTOMER, request.language(), zone,
                request.customerName() == null ? "Ada Lovelace" : request.customerName(), link, template.category,
                clock.instant()), issue, change);
        SmsSegments.Count count = SmsSegments.count(r.sms());
        return new Preview(template.id, r.language(), r.subject(), r.text(), r.html(), r.sms(), count.encoding().name(),
                count.segments(), count.units());
    }

    private ObjectNode sampleIssue() {
        ObjectNode issue = mapper.createObjectNode();
        issue.put("number", "K7-4QX9");
        issue.put("title", "Washing machine leaks");
        issue.put("status", "in_progress");
        issue.put("customerStatusLabel", "we are working on it");
        issue.put("priority", "normal");
        issue.putObject("owner").put("id", "agent.alice").put("displayName", "Alice");
        return issue;
    }

    /** A repair centre as issue events carry a place. */
    private ObjectNode samplePlace() {
        ObjectNode place = mapper.createObjectNode();
        place.put("locationId", "3f2b8c1e-0d4a-4c7b-9e1f-5a6b7c8d9e0f").put("name", "Anchor repair centre Leeds")
                .put("kind", "repair_centre").put("phone", "+44 113 496 0000").put("timeZone", "Europe/London");
        ObjectNode address = place.putObject("address");
        address.putArray("lines").add("12 Wellington Street");
        address.put("city", "Leeds").put("postalCode", "LS1 4DL").put("country", "GB");
        ObjectNode weekdays = place.putArray("openingHours").addObject();
        weekdays.putArray("days").add("monday").add("tuesday").add("wednesday").add("thursday").add("friday");
        weekdays.put("opens", "09:00").put("closes", "17:30");
        return place;
    }

    private ObjectNode sampleChange(Template template) {
        ObjectNode change = mapper.createObjectNode();
        switch (template) {
            case ISSUE_ASSIGNED -> {
                change.putObject("owner").put("id", "agent.bob").put("displayName", "Bob");
                change.putObject("previousOwner").put("id", "agent.alice").put("displayName", "Alice");
                change.put("introduction", "Bob knows these machines well and takes it from here.");
                change.put("previousOwnerBackAt", "2026-11-24T08:00:00Z");
            }
            case NEXT_ACTION -> change.put("what", "a photo of the serial number plate").put("who", "customer")
                    .put("dueAt", "2026-11-25T17:00:00Z");
            case NEXT_ACTION_OVERDUE -> change.put("what", "Order the spare part").put("who", "agent")
                    .put("dueAt", "2026-11-25T10:00:00Z").put("revisedDueAt", "2099-11-26T10:00:00Z");
            case COMMENT -> {
                change.put("visibility", "public").put("text", "The replacement part is on its way.");
                change.putObject("author").put("role", "agent").put("displayName", "Alice");
            }
            case ACTION_TAKEN -> {
                change.put("actionId", "7c9e6679-7425-40de-944b-e07fc1f90ae7").put("kind", "repair")
                        .put("place", "Leeds repair centre").put("scheduledAt", "2099-11-26T10:00:00Z");
                change.set("location", samplePlace());
            }
            case ISSUE_RESOLVED -> change.put("from", "in_progress").put("to", "resolved");
            case ISSUE_REOPENED -> change.put("reason", "The machine leaks again after the repair.").put("by", "customer");
            case ISSUE_CLOSED -> change.put("by", "owner");
            case CONTACT_SUMMARY -> change.put("id", "5b0f7c8e-2f0a-4a51-9c43-1d2f3e4a5b6c").put("channel", "phone")
                    .put("direction", "inbound").put("occurredAt", "2026-11-23T10:15:00Z").put("outcome", "follow_up")
                    .put("summary", "We agreed that a technician visits on Thursday morning.")
                    .put("summaryRequested", true).put("version", 0);
            case STATUS_LINK -> change.put("statusUrl", "https://status.anchor.local/status/sample-token")
                    .put("requestedBy", "customer");
            default -> {
            }
        }
        return change;
    }

}
