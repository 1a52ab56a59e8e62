package dev.anchor.customer.api;

import dev.anchor.blocks.idempotency.Created;
import dev.anchor.blocks.idempotency.IdempotentCreates;
import dev.anchor.blocks.security.CurrentCaller;
import dev.anchor.blocks.security.Roles;
import dev.anchor.customer.domain.ExportProgress;
import dev.anchor.customer.domain.SubjectAccessExports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * Subject access exports (GDPR access requests): thin over {@link SubjectAccessExports}. A request answers 202 at once;
 * the document is ready when every contributing service has sent its part.
 */
// shares the /customers root with CustomerResource, so a method a path does not take is a 405, not a 404
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exports")
public class ExportResource {

    /** Seconds a client should wait before asking again about a pending export. */
    static final String RETRY_AFTER = "2";

    private final SubjectAccessExports exports;
    private final IdempotentCreates idempotency;
    private final CurrentCaller caller;

    public ExportResource(SubjectAccessExports exports, IdempotentCreates idempotency, CurrentCaller caller) {
        this.exports = exports;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/exports")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM})
    @Transactional
    @Operation(summary = "Start an export of everything held about a customer (GDPR access request)",
            description = "Every service contributes its part through events; poll Location until it answers 200. "
                    + "A replay with the same Idempotency-Key returns the first export and starts nothing.")
    @APIResponse(responseCode = "202", description = "Started; Location names the export, the body is its status",
            headers = @Header(name = "Location", description = "/customers/{id}/exports/{exportId}"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExportStatusView.class)))
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "The record was merged; export the record it was merged into")
    @APIResponse(responseCode = "410", description = "Erased")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
    public Response request(@PathParam("id") UUID id,
                            @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Makes retries safe") String key,
                            UriInfo uri) {
        Response created = idempotency.once(key, caller.id() + " POST /customers/" + id + "/exports", id, () -> {
            ExportProgress progress = exports.request(id);
            URI location = uri.getBaseUriBuilder().path("customers").path(id.toString()).path("exports")
                    .path(progress.job().id.toString()).build();
            // the customer is the subject, so erasing them forgets the stored answer too
            return new Created(id, location, 0, ExportStatusView.of(progress));
        });
        // an export is accepted, not created, and has no version to guard
        return Response.fromResponse(created).status(Response.Status.ACCEPTED).tag((EntityTag) null)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER).build();
    }

    @GET
    @Path("/{id}/exports/{exportId}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM})
    @Transactional
    @Operation(summary = "Read an export: its status while parts are missing, then the assembled document",
            description = "202 with Retry-After while a contributing service has not answered; 200 with the document "
                    + "(an attachment) once all have, or once the deadline (anchor.export.deadline, 10 minutes) passed: "
                    + "then status is incomplete and missing names the services that did not answer.")
    @APIResponse(responseCode = "200", description = "The assembled document, as an attachment",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"customer-{id}-export.json\""),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExportDocumentView.class)))
    @APIResponse(responseCode = "202", description = "Still waiting for parts; ask again after Retry-After",
            headers = @Header(name = "Retry-After", description = "seconds"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExportStatusView.class)))
    @APIResponse(responseCode = "404", description = "No such customer, or no such export of this customer")
    public Response read(@PathParam("id") UUID id, @PathParam("exportId") UUID exportId) {
        ExportProgress progress = exports.read(id, exportId);
        if (!progress.finished()) {
            return Response.accepted(ExportStatusView.of(progress)).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER).build();
        }
        return Response.ok(ExportDocumentView.of(progress))
                .header("Content-Disposition", "attachment; filename=\"customer-" + id + "-export.json\"")
                .build();
    }
}
