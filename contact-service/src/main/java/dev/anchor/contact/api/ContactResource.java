package dev.anchor.contact.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.http.ETags;
import dev.anchor.blocks.idempotency.Created;
import dev.anchor.blocks.idempotency.IdempotentCreates;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.Roles;
import dev.anchor.contact.domain.Caller;
import dev.anchor.contact.domain.Contact;
import dev.anchor.contact.domain.ContactDraft;
import dev.anchor.contact.domain.ContactService;
import dev.anchor.contact.domain.CustomerReplies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

import java.util.List;
import java.util.Optional;

import java.util.UUID;



/** The contact API: thin over {@link ContactService}, it adds HTTP concerns (roles, ETags, idempotency). */
@Path("/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
public class ContactResource {

    /** A strong ETag as {@link ETags#of} makes it: a contact's version in quotes. */

    private final ContactService service;
    private final IdempotentCreates idempotency;
    private final CallerFromToken callers;
    private final ObjectMapper mapper;
    private final CustomerReplies replies;

    public ContactResource(ContactService service, IdempotentCreates idempotency, CallerFromToken callers,
                           ObjectMapper mapper, CustomerReplies replies) {
        this.service = service;
        this.idempotency = idempotency;
        this.callers = callers;
        this.mapper = mapper;
        this.replies = replies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER})
    @Transactional
    @Operation(summary = "Log an interaction with a customer", description = "Any channel, either direction, by an agent "
            + "and/or at a location. Partners log at their own location (token claim `location`) and cannot write "
            + "internal notes. summaryRequested: true records that the customer asked to receive the summary "
            + "(notification-service sends it on contact.logged). A replay with the same Idempotency-Key returns the "
            + "first result. Publishes contact.logged.")
    @APIResponse(responseCode = "201", description = "Logged; Location and ETag name the new contact")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "410", description = "The customer was erased")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
    public Response log(@HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Makes retries safe") String key,
                        @Valid @NotNull ContactDraft draft, UriInfo uri) {
        Caller caller = callers.current();
        return idempotency.once(key, caller.name() + " POST /contacts", draft, () -> {
            ContactView contact = ContactView.of(service.log(draft, caller), caller);
            URI location = uri.getBaseUriBuilder().path("contacts").path(contact.id().toString()).build();
            return new Created(contact.id(), location, contact.version(), contact);
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Operation(summary = "Read a contact", description = "Partners read the contacts logged at their location or "
            + "about an issue shared with it, without internal notes; any other contact is 404 to them.")
    @APIResponse(responseCode = "200", description = "The contact, with its ETag")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Response get(@PathParam("id") UUID id) {
        Caller caller = callers.current();
        ContactView contact = ContactView.of(service.get(id, caller), caller);
        return Response.ok(contact).tag(ETags.of(contact.version())).build();
    }

    @POST
    @Path("/{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.PARTNER})
    @Operation(summary = "Correct a contact", description = "Never a silent overwrite: `changes` is a JSON merge patch "
            + "of the writable fields (null removes an optional one), `reason` says why, and the amendment with each "
            + "field's value before and after is kept on the contact's audit trail; summaryRequested cannot be amended "
            + "(an amended summary is not sent again). Send If-Match with the ETag you read. Partners amend only contacts "
            + "logged at their location (403 for one they may only read, 404 for one they may not see). Publishes "
            + "contact.amended.")
    @APIResponse(responseCode = "200", description = "The corrected contact and its new ETag")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "The amendment changes nothing")
    public Response amend(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull AmendmentRequest request) {
        Caller caller = callers.current();
        Contact amended = service.amend(id, ETags.expected(ifMatch), request.reason(), request.changes(), caller);
        ContactView contact = ContactView.of(amended, caller);
        return Response.ok(contact).tag(ETags.of(contact.version())).build();
    }

    @GET
    @Path("/{id}/amendments")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Operation(summary = "A contact's audit trail", description = "Every amendment, oldest first: who, when, why, and "
            + "each changed field before and after (internal notes hidden from partners, who read the trail of the "
            + "contacts they may read, as GET /contacts/{id}).")
    public List<AmendmentView> amendments(@PathParam("id") UUID id) {
        Caller caller = callers.current();
        return service.amendments(id, caller).stream().map(a -> AmendmentView.of(a, caller, mapper)).toList();
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Download a file the customer's email carried", description = "A file kept from the email "
            + "that made the contact (origin customer-reply or customer-email; listed on contact.logged and, as "
            + "channel email, with the issue in issue-service), as GET /inbound-messages/{id}/attachments/{attachmentId} "
            + "serves it: always a download, with the type detected from it and nosniff. Partners never see them.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "application/octet-stream",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such contact or file, a refused file, or one erased")
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        UUID contact = InboundMessageResource.uuid(id);
        UUID file = InboundMessageResource.uuid(attachmentId);
        return (contact == null || file == null ? Optional.<CustomerReplies.Download>empty()
                : replies.downloadOfContact(contact, file)).map(AttachmentDownload::of)
                .orElseThrow(() -> Problems.notFound("Attachment", attachmentId));
    }
}
