package dev.anchor.notification.api;

import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.Roles;
import dev.anchor.notification.domain.Notification;
import dev.anchor.notification.domain.NotificationQueries;
import dev.anchor.notification.domain.NotificationStatus;
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

import java.util.UUID;

/** Every notification with its delivery state (never the address it went to). */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationResource {

    private final NotificationQueries queries;

    public NotificationResource(NotificationQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM})
    @Operation(summary = "Find notifications", description = "Filter by customer, issue and status (queued, sent, "
            + "delivered, failed, suppressed); newest first. Paged: page from 0, size up to 100.")
    @APIResponse(responseCode = "200", description = "One page of notifications")
    @APIResponse(responseCode = "400", description = "A malformed filter")
    public Paging.Page<NotificationView> list(@QueryParam("customerId") @Parameter(description = "Customer id (UUID)") String customerId,
                                              @QueryParam("issueId") @Parameter(description = "Issue id (UUID)") String issueId,
                                              @QueryParam("status") String status,
                                              @QueryParam("page") @Parameter(description = "From 0", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)) String page,
                                              @QueryParam("size") @Parameter(description = "1 to 100, default 20", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)) String size) {
        NotificationStatus wanted = status == null ? null : NotificationStatus.of(status).orElseThrow(() ->
                Problems.invalidField("status", "must be one of queued, sent, delivered, failed, suppressed"));
        Paging.Page<Notification> found = queries.list(uuid("customerId", customerId),
                uuid("issueId", issueId), wanted, Paging.of(integer("page", page), integer("size", size)));
        return new Paging.Page<>(found.items().stream().map(NotificationView::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM})
    @Operation(summary = "Read a notification")
    @APIResponse(responseCode = "200", description = "The notification and its delivery state")
    @APIResponse(responseCode = "404", description = "No such notification")
    public NotificationView get(@PathParam("id") UUID id) {
        return NotificationView.of(queries.get(id));
    }

    static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalidField(field, "must be a whole number");
        }
    }

    static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(field, "must be a UUID");
        }
    }
}
