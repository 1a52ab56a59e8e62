package dev.anchor.issue.api;

import dev.anchor.blocks.http.ETags;
import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.idempotency.Created;
import dev.anchor.blocks.idempotency.IdempotentCreates;
import dev.anchor.blocks.security.Roles;
import dev.anchor.issue.domain.Location;
import dev.anchor.issue.domain.LocationDirectory;
import dev.anchor.issue.domain.Place;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/**
 * The directory of stores and repair centres: supervisors keep it; staff and partners read it. A next action or a
 * booking naming one of its ids carries a snapshot of the entry to the customer (status page, messages).
 */
@Path("/locations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Locations")
public class LocationResource {

    private final LocationDirectory directory;
    private final IdempotentCreates idempotency;
    private final CallerAsActor caller;

    public LocationResource(LocationDirectory directory, IdempotentCreates idempotency, CallerAsActor caller) {
        this.directory = directory;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** A directory entry as the API answers it: the place, its version and when it last changed. */
    public record LocationView(Place place, long version, java.time.OffsetDateTime updatedAt) {
        static LocationView of(Location location) {
            return new LocationView(location.place, location.version, location.updatedAt);
        }
    }

    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    @Transactional
    @Operation(summary = "Add a store or repair centre", description = "The id is the given locationId, or generated. "
            + "A replay with the same Idempotency-Key returns the first result.")
    @APIResponse(responseCode = "201", description = "Added; Location and ETag name the entry")
    @APIResponse(responseCode = "400", description = "Invalid fields (unknown time zone or country, hours that close "
            + "before they open…)")
    @APIResponse(responseCode = "403", description = "Not a supervisor")
    @APIResponse(responseCode = "409", description = "The locationId is taken")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
    public Response create(@HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Makes retries safe") String key,
                           @Valid @NotNull LocationRequest request, @Context UriInfo uri) {
        return idempotency.once(key, caller.actor().id() + " POST /locations", request, () -> {
            Location location = directory.create(request.place());
            URI at = uri.getBaseUriBuilder().path("locations").path(location.id).build();
            return new Created(java.util.UUID.nameUUIDFromBytes(("location:" + location.id).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)), at, location.version, LocationView.of(location));
        });
    }

    @PUT
    @Path("/{locationId}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Transactional
    @Operation(summary = "Change a store or repair centre", description = "Replaces the entry; issues keep the snapshot "
            + "they took. Send If-Match with the entry's ETag.")
    @APIResponse(responseCode = "200", description = "The entry as it is now, with its ETag")
    @APIResponse(responseCode = "404", description = "No such location")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response update(@PathParam("locationId") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull LocationRequest request) {
        Location location = directory.get(id);
        ETags.checkIfMatch(ifMatch, location.version);
        Location changed = directory.update(location, request.place());
        return Response.ok(LocationView.of(changed)).tag(ETags.of(changed.version)).build();
    }

    @GET
    @Path("/{locationId}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Operation(summary = "Read a store or repair centre")
    @APIResponse(responseCode = "200", description = "The entry, with its ETag")
    @APIResponse(responseCode = "404", description = "No such location")
    public Response get(@PathParam("locationId") String id) {
        Location location = directory.get(id);
        return Response.ok(LocationView.of(location)).tag(ETags.of(location.version)).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Operation(summary = "List the directory", description = "Sorted by id; paged: page from 0, size up to 100.")
    public Paging.Page<LocationView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        var found = directory.list(paging);
        return paging.page(found.items().stream().map(LocationView::of).toList(), found.total());
    }
}
