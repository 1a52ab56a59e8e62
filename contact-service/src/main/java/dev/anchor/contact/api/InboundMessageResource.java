package dev.anchor.contact.api;

import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.Roles;
import dev.anchor.contact.domain.CustomerReplies;
import dev.anchor.contact.domain.EmailAttachment;
import dev.anchor.contact.domain.InboundMessage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The messages read from the organisation's mailbox, for staff: above all those no issue could be told from. */
@Path("/inbound-messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbound messages")
public class InboundMessageResource {

    private final CustomerReplies replies;
    private final CallerFromToken callers;

    public InboundMessageResource(CustomerReplies replies, CallerFromToken callers) {
        this.replies = replies;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Messages read from the mailbox, newest first", description = "status=unmatched (the default) "
            + "lists what needs staff: mail that answers none of our emails; matched, what became a contact on its "
            + "issue (contactId); ignored, what a machine wrote (auto-replies, bounces, list mail) or repeated an "
            + "answer already taken, with the reason. Partners see none of it. Paged: page from 0, size up to 100.")
    @APIResponse(responseCode = "200", description = "One page of messages")
    @APIResponse(responseCode = "400", description = "An unknown status or a malformed page")
    public Paging.Page<InboundMessageView> list(
            @QueryParam("status") @Parameter(description = "unmatched (default), matched or ignored") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = QueryParameters.paging(page, size);
        Paging.Page<InboundMessage> found = replies.withStatus(status(status), paging);
        Map<UUID, List<EmailAttachment>> files = replies.attachmentsOf(found.items().stream().map(m -> m.id).toList());
        return paging.page(found.items().stream().map(m -> InboundMessageView.of(m, files.get(m.id))).toList(),
                found.total());
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Put an unmatched message on an issue", description = "The message becomes the words of the "
            + "issue's customer on it: a contact (origin customer-reply) published as contact.logged, shown on the "
            + "issue's page. Once: a message that is matched or ignored already is 409.")
    @APIResponse(responseCode = "200", description = "The message, matched (or ignored when its words repeat an answer)")
    @APIResponse(responseCode = "400", description = "No issueId, or a malformed one")
    @APIResponse(responseCode = "404", description = "No such message, or an issue contact-service does not know")
    @APIResponse(responseCode = "409", description = "The message is not unmatched")
    public InboundMessageView assign(@PathParam("id") UUID id, @Valid @NotNull AssignmentRequest request) {
        InboundMessage message = replies.assign(id, request.issueId(), callers.current());
        return InboundMessageView.of(message, replies.attachmentsOf(List.of(id)).get(id));
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Download a file that came with a message", description = "A kept file (a photo or PDF "
            + "recognised by its bytes) as it was sent, always as a download (Content-Disposition: attachment) with "
            + "the type detected from it and nosniff. Refused files keep no bytes. Partners never see them.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "application/octet-stream",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such message or file, a refused file, or one erased")
    public Response download(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        UUID message = uuid(id);
        UUID file = uuid(attachmentId);
        return (message == null || file == null ? Optional.<CustomerReplies.Download>empty()
                : replies.download(message, file)).map(AttachmentDownload::of)
                .orElseThrow(() -> Problems.notFound("Attachment", attachmentId));
    }

    /** A malformed id names no file: 404 like an unknown one. */
    static UUID uuid(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static InboundMessage.Status status(String value) {
        if (value == null || value.isEmpty()) {
            return InboundMessage.Status.unmatched;
        }
        return Arrays.stream(InboundMessage.Status.values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> Problems.invalidField("status", "must be unmatched, matched or ignored"));
    }
}
