package dev.anchor.issue.api;

import dev.anchor.blocks.http.ETags;
import dev.anchor.blocks.idempotency.Created;
import dev.anchor.blocks.idempotency.IdempotentCreates;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.CurrentCaller;
import dev.anchor.blocks.security.Roles;
import dev.anchor.issue.domain.Handoff;
import dev.anchor.issue.domain.Issue;
import dev.anchor.issue.domain.IssueCasework;
import dev.anchor.issue.domain.IssueFinder;
import dev.anchor.issue.domain.IssueLifecycle;
import dev.anchor.issue.domain.IssueOwnership;
import dev.anchor.issue.domain.IssueSharing;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Changes to an issue by staff: ownership, next action, shares, comments, actions, status, close and reopen. Each answers
 * the issue (or the new timeline entry) and honours {@code If-Match}.
 */
// IssueResource's root too: with one class path per prefix the router answers 405 (with Allow) for a method no
// resource takes here, where a second, longer class path made it fall through to the other class and answer 404.
@Path("/issues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Issues")
public class IssueCommandResource {

    private static final String IDEMPOTENCY = "Makes retries safe: the same key and body answer the first result "
            + "again (Idempotent-Replayed: true) and change nothing; the same key with another body is 422";

    private final IssueFinder finder;
    private final IssueOwnership ownership;
    private final IssueCasework casework;
    private final IssueLifecycle lifecycle;
    private final IssueSharing sharing;
    private final StatusLinks links;
    private final CallerAsActor caller;
    private final IdempotentCreates idempotency;

    public IssueCommandResource(IssueFinder finder, IssueOwnership ownership, IssueCasework casework,
                                IssueLifecycle lifecycle, IssueSharing sharing, StatusLinks links,
                                CallerAsActor caller, IdempotentCreates idempotency) {
        this.sharing = sharing;
        this.idempotency = idempotency;
        this.finder = finder;
        this.ownership = ownership;
        this.casework = casework;
        this.lifecycle = lifecycle;
        this.links = links;
        this.caller = caller;
    }

    @POST
    @Path("/{idOrNumber}/assignment")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "Take ownership of an unowned issue", description = "An owned issue moves only by a handoff.")
    @APIResponse(responseCode = "200", description = "You own the issue now")
    @APIResponse(responseCode = "409", description = "The issue already has an owner, or is closed")
    public Response take(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(ownership.take(forUpdate(id, ifMatch), caller.actor()));
    }

    @POST
    @Path("/{idOrNumber}/handoffs")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "Hand an issue off to a named agent", description = "With an introduction the customer reads and "
            + "when the previous owner is back. Only the owner or a supervisor hands off.")
    @APIResponse(responseCode = "200", description = "The new owner has the issue")
    @APIResponse(responseCode = "403", description = "Neither the owner nor a supervisor")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
    public Response handOff(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = IDEMPOTENCY) String key,
                            @Valid @NotNull HandoffRequest request, @Context UriInfo uri) {
        Handoff handoff = new Handoff(request.toAgentId(), request.toAgentName(), request.introduction(),
                request.previousOwnerBackAt());
        Issue issue = finder.forUpdate(id);
        Response answer = once(key, issue, "handoffs", request, () -> {
            ETags.checkIfMatch(ifMatch, issue.version);
            Issue changed = ownership.handOff(issue, handoff, caller.actor());
            return new Created(changed.id, issueUri(uri, changed), changed.version, IssueView.of(changed));
        });
        // A handoff changes the issue rather than creating a resource: it answers 200 with the issue, as it always did.
        return Response.fromResponse(answer).status(Response.Status.OK).location(null).build();
    }

    @PUT
    @Path("/{idOrNumber}/next-action")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "Set the next expected action", description = "What, who (agent, customer, partner), due when, "
            + "and optionally where (locationId: the store or repair centre, with which the issue is then shared, "
            + "publishing issue.shared). Setting the same what, who, due time and place again changes nothing: 200 with "
            + "the unchanged issue and ETag, no trail entry, no event.")
    public Response nextAction(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull NextActionRequest request) {
        NextAction next = new NextAction(request.what(), request.who(), request.dueAt(), request.locationId());
        return ok(casework.setNextAction(forUpdate(id, ifMatch), next, caller.actor()));
    }

    @PUT
    @Path("/{idOrNumber}/shares/{locationId}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM})
    @Transactional
    @Operation(summary = "Share the issue with a location", description = "The partners of that store or repair "
            + "centre see the issue from now on. The owner, a supervisor or the system shares. Sharing again changes "
            + "nothing (200, same ETag, no event); otherwise publishes issue.shared.")
    @APIResponse(responseCode = "200", description = "The issue, shared with the location")
    @APIResponse(responseCode = "400", description = "Not a location id (letters, digits and . _ : -, up to 100)")
    @APIResponse(responseCode = "403", description = "Neither the owner, a supervisor nor the system")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response share(@PathParam("idOrNumber") String id, @PathParam("locationId") String locationId,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(sharing.share(forUpdate(id, ifMatch), locationId, caller.actor()));
    }

    @DELETE
    @Path("/{idOrNumber}/shares/{locationId}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM})
    @Transactional
    @Operation(summary = "End the issue's share with a location", description = "The partners of that location no "
            + "longer see the issue. The owner, a supervisor or the system ends it. Ending a share that does not exist "
            + "changes nothing (200, same ETag, no event); otherwise publishes issue.unshared. Ending the share of the "
            + "location the issue was opened with also clears locationId.")
    @APIResponse(responseCode = "200", description = "The issue, no longer shared with the location")
    @APIResponse(responseCode = "400", description = "Not a location id (letters, digits and . _ : -, up to 100)")
    @APIResponse(responseCode = "403", description = "Neither the owner, a supervisor nor the system")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response unshare(@PathParam("idOrNumber") String id, @PathParam("locationId") String locationId,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(sharing.unshare(forUpdate(id, ifMatch), locationId, caller.actor()));
    }

    @POST
    @Path("/{idOrNumber}/comments")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER})
    @Transactional
    @Operation(summary = "Comment on an issue", description = "public reaches the customer; internal stays with staff. "
            + "Partners comment on issues shared with their location.")
    @APIResponse(responseCode = "201", description = "The comment as it stands on the timeline")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
    public Response comment(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = IDEMPOTENCY) String key,
                            @Valid @NotNull CommentRequest request, @Context UriInfo uri) {
        Issue issue = finder.forUpdate(id);
        if (!caller.maySee(issue)) {
            throw Problems.notFound("Issue", id);
        }
        return once(key, issue, "comments", request, () -> {
            ETags.checkIfMatch(ifMatch, issue.version);
            return entryCreated(uri, issue, casework.comment(issue, request.text(), request.visibility(), caller.actor()));
        });
    }

    @POST
    @Path("/{idOrNumber}/actions")
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
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
    public Response action(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = IDEMPOTENCY) String key,
                           @Valid @NotNull ActionRequest request, @Context UriInfo uri) {
        Issue issue = visibleForUpdate(id);
        ResolutionAction action = new ResolutionAction(request.kind(), request.amount(), request.currency(),
                request.place(), request.scheduledAt(), request.note(), request.locationId());
        return once(key, issue, "actions", request, () -> {
            ETags.checkIfMatch(ifMatch, issue.version);
            return entryCreated(uri, issue, casework.takeAction(issue, action, caller.actor()));
        });
    }

    @POST
    @Path("/{idOrNumber}/status")
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
    @Path("/{idOrNumber}/close")
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
    @Path("/{idOrNumber}/reopen")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "Reopen a resolved or closed issue", description = "A closed one only within the reopen window.")
    @APIResponse(responseCode = "409", description = "Not resolved or closed, or the reopen window has passed")
    public Response reopen(@PathParam("idOrNumber") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ReopenRequest request) {
        return ok(lifecycle.reopen(forUpdate(id, ifMatch), request.reason().strip(), caller.actor()));
    }

    @POST
    @Path("/{idOrNumber}/status-link")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Transactional
    @Operation(summary = "A new status-page link for the customer", description = "Earlier links keep working until "
            + "revoked. The raw link is answered once; only its hash is kept, so Idempotency-Key is not honoured here: "
            + "storing the answer for a replay would store the raw link. A retry issues one more link, which is harmless "
            + "(the links are equivalent and all are revoked together).")
    @APIResponse(responseCode = "201", description = "{statusUrl}")
    @APIResponse(responseCode = "422", description = "The issue's customer was erased: no status page")
    public Response newStatusLink(@PathParam("idOrNumber") String id) {
        String url = links.issueAnother(finder.forUpdate(id), caller.actor());
        return Response.status(Response.Status.CREATED).entity(Map.of("statusUrl", url)).build();
    }

    @DELETE
    @Path("/{idOrNumber}/status-link")
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
    private Issue visibleForUpdate(String id) {
        if (caller.isPartnerOnly() && caller.location() == null) {
            throw Problems.forbidden("A partner token must name its location (claim `"
                    + CurrentCaller.LOCATION_CLAIM + "`)");
        }
        if (!caller.maySee(finder.get(id))) {
            throw Problems.notFound("Issue", id);
        }
        return finder.forUpdate(id);
    }

    /**
     * Runs {@code change} once per {@code Idempotency-Key} of this caller on this issue and operation: a replay with
     * the same body answers the first result again ({@code Idempotent-Replayed: true}) and changes nothing; the same
     * key with another body is 422. The scope names the issue by its id, so the number or id in the path is the same.
     */
    private Response once(String key, Issue issue, String operation, Object request, Supplier<Created> change) {
        String scope = caller.actor().id() + " POST /issues/" + issue.id + "/" + operation;
        return idempotency.once(key, scope, request, change);
    }

    private static URI issueUri(UriInfo uri, Issue issue) {
        return uri.getBaseUriBuilder().path("issues").path(issue.id.toString()).build();
    }

    /** A new timeline entry: 201 with the entry, Location the issue's timeline, ETag the issue's new version. */
    private static Created entryCreated(UriInfo uri, Issue issue, TimelineEntry entry) {
        URI timeline = uri.getBaseUriBuilder().path("issues").path(issue.id.toString()).path("timeline").build();
        return new Created(issue.id, timeline, issue.version, TimelineView.of(entry));
    }

    private static Response ok(Issue issue) {
        return Response.ok(IssueView.of(issue)).tag(ETags.of(issue.version)).build();
    }

}
