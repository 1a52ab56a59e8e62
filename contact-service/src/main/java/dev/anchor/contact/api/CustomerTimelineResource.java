package dev.anchor.contact.api;

import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.Roles;
import dev.anchor.contact.api.CustomerTimelineViews.Item;
import dev.anchor.contact.api.CustomerTimelineViews.Summary;
import dev.anchor.contact.domain.Caller;
import dev.anchor.contact.domain.Channel;
import dev.anchor.contact.domain.Contact;
import dev.anchor.contact.domain.ContactFilter;
import dev.anchor.contact.domain.ContactService;
import dev.anchor.contact.domain.Timeline;
import dev.anchor.contact.domain.TimelineEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Everything about one customer: their contacts, their timeline and the summary an agent reads first. */
@Path("/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer timeline")
public class CustomerTimelineResource {

    private final ContactService contacts;
    private final Timeline timeline;
    private final CallerFromToken callers;

    public CustomerTimelineResource(ContactService contacts, Timeline timeline, CallerFromToken callers) {
        this.contacts = contacts;
        this.timeline = timeline;
        this.callers = callers;
    }

    @GET
    @Path("/contacts")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Operation(summary = "A customer's contacts, newest first", description = "Filters combine: channel, issueId, and "
            + "the period from (inclusive) to (exclusive). Paged: page from 0, size up to 100. Partners see only the "
            + "contacts logged at their location or about an issue shared with it, without internal notes, and the "
            + "total counts only those. A merged customer's id lists the surviving record's.")
    @APIResponse(responseCode = "200", description = "One page of contacts")
    @APIResponse(responseCode = "400", description = "A malformed filter or page")
    @APIResponse(responseCode = "404", description = "Nothing is known about this customer")
    public Paging.Page<ContactView> contacts(@PathParam("id") UUID id,
                                             @QueryParam("channel") @Parameter(description = "phone, email, chat, sms, store, letter, web, social or video") String channel,
                                             @QueryParam("issueId") String issueId,
                                             @QueryParam("from") @Parameter(description = "ISO 8601 date-time, inclusive") String from,
                                             @QueryParam("to") @Parameter(description = "ISO 8601 date-time, exclusive") String to,
                                             @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = QueryParameters.paging(page, size);
        Channel ch = QueryParameters.channel(channel);
        UUID issue = QueryParameters.uuid("issueId", issueId);
        OffsetDateTime start = QueryParameters.time("from", from);
        OffsetDateTime end = QueryParameters.time("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw Problems.invalidField("to", "must be after from");
        }
        Caller caller = callers.current();
        Paging.Page<Contact> found = contacts.ofCustomer(new ContactFilter(id, ch, issue, start, end), paging, caller);
        return paging.page(found.items().stream().map(c -> ContactView.of(c, caller)).toList(), found.total());
    }

    @GET
    @Path("/timeline")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Operation(summary = "The customer's timeline, newest first", description = "Contacts, the issue history from "
            + "issue.events (internal entries marked `internal`) and every notification from notification.events (what "
            + "was sent, on which channel, delivered or not). Filters combine: kind (contact, issue, notification), "
            + "channel, issueId. Paged. Partners see no internal entries; of the rest only the contacts logged at their "
            + "location or about an issue shared with it, and the history and notifications of the issues shared with "
            + "their location; the total counts only those.")
    @APIResponse(responseCode = "200", description = "One page of the timeline")
    @APIResponse(responseCode = "404", description = "Nothing is known about this customer")
    @APIResponse(responseCode = "410", description = "The customer was erased")
    public Paging.Page<Item> timeline(@PathParam("id") UUID id,
                                      @QueryParam("kind") @Parameter(description = "contact, issue or notification") String kind,
                                      @QueryParam("channel") String channel,
                                      @QueryParam("issueId") String issueId,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = QueryParameters.paging(page, size);
        Channel ch = QueryParameters.channel(channel);
        Paging.Page<TimelineEntry> entries = timeline.timeline(id, QueryParameters.kind(kind), ch == null ? null : ch.name(),
                QueryParameters.uuid("issueId", issueId), callers.current(), paging);
        return paging.page(entries.items().stream().map(Item::of).toList(), entries.total());
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM})
    @Operation(summary = "What an agent picking up a call needs at a glance", description = "Name, preferred channel, "
            + "current mailing address, open issues with their next actions, the last contact on each channel. Staff "
            + "and services only: it is about all of the customer's issues, so partners get 403.")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "404", description = "Nothing is known about this customer")
    @APIResponse(responseCode = "410", description = "The customer was erased")
    public Summary summary(@PathParam("id") UUID id) {
        return Summary.of(timeline.summary(id));
    }
}
