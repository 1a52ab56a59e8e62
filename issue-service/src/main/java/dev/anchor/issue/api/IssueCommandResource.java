package dev.anchor.issue.api;

import dev.anchor.blocks.http.ETags;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.CurrentCaller;
import dev.anchor.blocks.security.Roles;
import dev.anchor.issue.domain.Handoff;
import dev.anchor.issue.domain.Issue;
import dev.anchor.issue.domain.IssueCasework;
import dev.anchor.issue.domain.IssueFinder;
import dev.anchor.issue.domain.IssueLifecycle;
import dev.anchor.issue.domain.IssueOwnership;
import dev.anchor.issue.domain.NextAction;
import dev.anchor.issue.domain.ResolutionAction;
import dev.anchor.issue.domain.StatusLinks;
import dev.anchor.issue.domain.TimelineEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/**
 * Changes to an issue by staff: ownership, next action, comments, actions, status, close and reopen. Each answers
 * the issue (or the new timeline entry) and honours {@code If-Match}.
 */
@Path("/issues/{idOrNumber}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Issues")
public class IssueCommandResource {

    private final IssueFinder finder;
    private final IssueOwnership ownership;
    private final IssueCasework casework;
    private final IssueLifecycle lifecycle;
    private final StatusLinks links;
    private final CallerAsActor caller;

    public IssueCommandResource(IssueFinder finder, IssueOwnership ownership, IssueCasework casework,
                                IssueLifecycle lifecycle, StatusLinks links, CallerAsActor caller) {
        this.finder = finder;
        this.ownership = ownership;
        this.casework = casework;
        this.lifecycle = lifecycle;
        this.links = links;
        this.caller = caller;
    }

    @POST
    @Path("/assignment")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "Take ownership of an unowned issue", description = "An owned issue moves only by a handoff.")
    @APIResponse(responseCode = "200", description = "You own the issue now")
    @APIResponse(responseCode = "409", description = "The issue already has an owner, or is closed")
    public Response take(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(ownership.take(forUpdate(id, ifMatch), caller.actor()));
    }

    @POST
    @Path("/handoffs")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "Hand an issue off to a named agent", description = "With an introduction the customer reads and "
            + "when the previous owner is back. Only the owner or a supervisor hands off.")
    @APIResponse(responseCode = "200", description = "The new owner has the issue")
    @APIResponse(responseCode = "403", description = "Neither the owner nor a supervisor")
    public Response handOff(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull HandoffRequest request) {
        Handoff handoff = new Handoff(request.toAgentId(), request.toAgentName(), request.introduction(),
                request.previousOwnerBackAt());
        return ok(ownership.handOff(forUpdate(id, ifMatch), handoff, caller.actor()));
    }

    @PUT
    @Path("/next-action")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "Set the next expected action", description = "What, who (agent, customer, partner), due when.")
    public Response nextAction(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull NextActionRequest request) {
        NextAction next = new NextAction(request.what(), request.who(), request.dueAt());
        return ok(casework.setNextAction(forUpdate(id, ifMatch), next, caller.actor()));
    }

    @POST
    @Path("/comments")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER})
    @Transactional
    @Operation(summary = "Comment on an issue", description = "public reaches the customer; internal stays with staff. "
            + "Partners comment on issues shared with their location.")
    @APIResponse(responseCode = "201", description = "The comment as it stands on the timeline")
    public Response comment(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull CommentRequest request) {
        Issue issue = forUpdate(id, ifMatch);
        if (!caller.maySee(issue)) {
            throw Problems.notFound("Issue", id);
        }
        return created(issue, casework.comment(issue, request.text(), request.visibility(), caller.actor()));
    }

    @POST
    @Path("/actions")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER})
    @Transactional
    @Operation(summary = "Record a resolution action", description = "refund (amount, currency), replacement, "
            + "repair (place, scheduledAt), repair_done (the repair is done; optional place and note), other (note). "
            + "The owner or a supervisor records any kind; a partner records repair and repair_done on issues shared "
            + "with their location (token claim `location`). Publishes issue.action-taken.")
    @APIResponse(responseCode = "201", description = "The action as it stands on the timeline")
    @APIResponse(responseCode = "403", description = "Neither the owner nor a supervisor; a partner recording another "
            + "kind, or without a location")
    @APIResponse(responseCode = "404", description = "No such issue (or not shared with the partner's location)")
    public Response action(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ActionRequest request) {
        Issue issue = visibleForUpdate(id, ifMatch);
        ResolutionAction action = new ResolutionAction(request.kind(), request.amount(), request.currency(),
                request.place(), request.scheduledAt(), request.note());
        return created(issue, casework.takeAction(issue, action, caller.actor()));
    }

    @POST
    @Path("/status")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "Move an issue along its lifecycle", description = "open → in_progress → waiting_on_customer | "
            + "waiting_on_partner → resolved. A step the status does not allow answers 409 with allowedTransitions.")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status")
    public Response status(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull StatusChangeRequest request) {
        return ok(lifecycle.changeStatus(forUpdate(id, ifMatch), request.status(), caller.actor()));
    }

    @POST
    @Path("/close")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "Close an issue (its owner only)", description = "Any other agent gets 403; the customer closes "
            + "through the status page.")
    @APIResponse(responseCode = "403", description = "Not the owner")
    @APIResponse(responseCode = "409", description = "Already closed")
    public Response close(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(lifecycle.close(forUpdate(id, ifMatch), caller.actor()));
    }

    @POST
    @Path("/reopen")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "Reopen a resolved or closed issue", description = "A closed one only within the reopen window.")
    @APIResponse(responseCode = "409", description = "Not resolved or closed, or the reopen window has passed")
    public Response reopen(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ReopenRequest request) {
        return ok(lifecycle.reopen(forUpdate(id, ifMatch), request.reason().strip(), caller.actor()));
    }

    @POST
    @Path("/status-link")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "A new status-page link for the customer", description = "Earlier links keep working until "
            + "revoked. The raw link is answered once; only its hash is kept.")
    @APIResponse(responseCode = "201", description = "{statusUrl}")
    @APIResponse(responseCode = "422", description = "The issue's customer was erased: no status page")
    public Response newStatusLink(@PathParam("idOrNumber") String id) {
        String url = links.issueAnother(finder.forUpdate(id), caller.actor());
        return Response.status(Response.Status.CREATED).entity(Map.of("statusUrl", url)).build();
    }

    @DELETE
    @Path("/status-link")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "Revoke every status-page link of the issue", description = "They answer 404 from now on.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revokeStatusLinks(@PathParam("idOrNumber") String id) {
        links.revokeAll(finder.forUpdate(id), caller.actor());
        return Response.noContent().build();
    }

    /** The issue to change, locked for this transaction, and still at the version {@code If-Match} names (else 412). */
    private Issue forUpdate(String id, String ifMatch) {
        Issue issue = finder.forUpdate(id);
        ETags.checkIfMatch(ifMatch, issue.version);
        return issue;
    }

    /**
     * The issue to change, as {@link #forUpdate} but checked against a partner's location first, so a partner learns
     * nothing (not even a stale ETag) about an issue not shared with them.
     */
    private Issue visibleForUpdate(String id, String ifMatch) {
        if (caller.isPartnerOnly() && caller.location() == null) {
            throw Problems.forbidden("A partner token must name its location (claim `"
                    + CurrentCaller.LOCATION_CLAIM + "`)");
        }
        if (!caller.maySee(finder.get(id))) {
            throw Problems.notFound("Issue", id);
        }
        return forUpdate(id, ifMatch);
    }

    private static Response ok(Issue issue) {
        return Response.ok(IssueView.of(issue)).tag(ETags.of(issue.version)).build();
    }

    private static Response created(Issue issue, TimelineEntry entry) {
        return Response.status(Response.Status.CREATED).entity(TimelineView.of(entry)).tag(ETags.of(issue.version)).build();
    }
}
