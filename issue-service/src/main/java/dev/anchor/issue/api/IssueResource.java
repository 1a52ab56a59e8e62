package dev.anchor.issue.api;

import dev.anchor.blocks.http.ETags;
import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.idempotency.Created;
import dev.anchor.blocks.idempotency.IdempotentCreates;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.Roles;
import dev.anchor.issue.domain.Actor;
import dev.anchor.issue.domain.ActorRole;
import dev.anchor.issue.domain.Issue;
import dev.anchor.issue.domain.IssueFilter;
import dev.anchor.issue.domain.IssueFinder;
import dev.anchor.issue.domain.IssueOpening;
import dev.anchor.issue.domain.IssueStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Opening, reading and finding issues, and their audit trail. Changes to an issue are in {@link IssueCommandResource}. */
@Path("/issues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issues")
public class IssueResource {

    private final IssueOpening opening;
    private final IssueFinder finder;
    private final IdempotentCreates idempotency;
    private final CallerAsActor caller;

    public IssueResource(IssueOpening opening, IssueFinder finder, IdempotentCreates idempotency, CallerAsActor caller) {
        this.opening = opening;
        this.finder = finder;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM})
    @Transactional
    @Operation(summary = "Open an issue for a customer", description = "Gets a short readable number and a status-page "
            + "link for the customer (in issue.opened). takeOwnership makes the calling agent its owner at once. "
            + "A replay with the same Idempotency-Key returns the first result.")
    @APIResponse(responseCode = "201", description = "Opened; Location and ETag name the new issue")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "422", description = "Unknown or erased customer, or Idempotency-Key reused for another request")
    public Response open(@HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Makes retries safe") String key,
                         @Valid @NotNull OpenIssueRequest request, UriInfo uri) {
        Actor actor = caller.actor();
        if (request.ownershipTaken() && actor.role() == ActorRole.system) {
            throw Problems.unprocessable("A system caller cannot own an issue; leave takeOwnership out");
        }
        return idempotency.once(key, actor.id() + " POST /issues", request, () -> {
            Issue issue = opening.open(request.draft(), actor);
            URI location = uri.getBaseUriBuilder().path("issues").path(issue.id.toString()).build();
            return new Created(issue.id, location, issue.version, IssueView.of(issue));
        });
    }

    @GET
    @Path("/{idOrNumber}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Transactional
    @Operation(summary = "Read an issue by id or by number", description = "The number may be typed in any case, with "
            + "or without its hyphen. Partners see only issues shared with their location.")
    @APIResponse(responseCode = "200", description = "The issue, with its ETag")
    @APIResponse(responseCode = "404", description = "No such issue (or not shared with the partner's location)")
    public Response get(@PathParam("idOrNumber") String idOrNumber) {
        Issue issue = visible(idOrNumber);
        return Response.ok(IssueView.of(issue)).tag(ETags.of(issue.version)).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Transactional
    @Operation(summary = "Find issues", description = "Filters combine; overdue=true lists issues whose next action "
            + "is past due or whose SLA clock ran out. Newest first; paged: page from 0, size up to 100.")
    public Paging.Page<IssueView> search(@QueryParam("customerId") String customerId,
                                         @QueryParam("ownerId") @Size(max = 100) String ownerId,
                                         @QueryParam("status") String status,
                                         @QueryParam("overdue") Boolean overdue,
                                         @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        String location = null;
        if (caller.isPartnerOnly()) {
            location = caller.location();
            if (location == null) {
                return paging.page(List.of(), 0);
            }
        }
        var filter = new IssueFilter(uuid("customerId", customerId), blankToNull(ownerId), status(status), overdue, location);
        var found = finder.search(filter, paging);
        return paging.page(found.items().stream().map(IssueView::of).toList(), found.total());
    }

    @GET
    @Path("/{idOrNumber}/timeline")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Transactional
    @Operation(summary = "An issue's audit trail", description = "Every change — who, when, what, through which channel — "
            + "oldest first, with the contacts and notifications about it. Internal entries are for staff only; "
            + "partners see the public ones.")
    public Paging.Page<TimelineView> timeline(@PathParam("idOrNumber") String idOrNumber,
                                              @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size == null ? 100 : size);
        Issue issue = visible(idOrNumber);
        var entries = finder.timeline(issue, !caller.isPartnerOnly(), paging);
        return paging.page(entries.items().stream().map(TimelineView::of).toList(), entries.total());
    }

    private Issue visible(String idOrNumber) {
        Issue issue = finder.get(idOrNumber);
        if (!caller.maySee(issue)) {
            throw Problems.notFound("Issue", idOrNumber);
        }
        return issue;
    }

    private static IssueStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return IssueStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("status", "must be one of " + Arrays.toString(IssueStatus.values()));
        }
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(field, "must be a UUID");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
