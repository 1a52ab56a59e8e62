package dev.anchor.issue.api;

import dev.anchor.blocks.problem.ProblemException;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.Roles;
import dev.anchor.issue.api.statuspage.Downloads;
import dev.anchor.issue.domain.Attachment;
import dev.anchor.issue.domain.Issue;
import dev.anchor.issue.domain.IssueAttachments;
import dev.anchor.issue.domain.IssueFinder;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The files customers sent with an issue, for staff: listed and downloaded under the same rules as every other read
 * of the issue (partners only on issues shared with their location). Class path {@code /issues} like the other issue
 * resources, so a method a path does not take is a 405.
 */
@Path("/issues")
@Tag(name = "Issues")
public class AttachmentResource {

    private final IssueFinder finder;
    private final IssueAttachments attachments;
    private final CallerAsActor caller;

    public AttachmentResource(IssueFinder finder, IssueAttachments attachments, CallerAsActor caller) {
        this.finder = finder;
        this.attachments = attachments;
        this.caller = caller;
    }

    @GET
    @Path("/{idOrNumber}/attachments")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Transactional
    @Operation(summary = "The files sent with an issue", description = "Photos and documents the customer sent through "
            + "the status page, oldest first: name, the type detected from the bytes, size, SHA-256, who and when. "
            + "Files the customer emailed are listed too (channel email, with the contactId whose email carried them); "
            + "their bytes stay with contact-service. Partners see them on issues shared with their location.")
    @APIResponse(responseCode = "200", description = "The files (without their bytes)")
    @APIResponse(responseCode = "404", description = "No such issue (or not shared with the partner's location)")
    public List<AttachmentView> list(@PathParam("idOrNumber") String idOrNumber) {
        return attachments.of(visible(idOrNumber)).stream().map(AttachmentView::of).toList();
    }

    @GET
    @Path("/{idOrNumber}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Transactional
    @Operation(summary = "Download a file sent with an issue", description = "The bytes as they were sent, always as a "
            + "download (Content-Disposition: attachment) with the type detected from them and nosniff.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "application/octet-stream",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such issue or file (or not shared with the partner's location), "
            + "or an emailed file: the detail says where contact-service serves it")
    public Response download(@PathParam("idOrNumber") String idOrNumber,
                             @PathParam("attachmentId") String attachmentId) {
        Issue issue = visible(idOrNumber);
        return attachments.download(issue, attachmentId).map(Downloads::of).orElseThrow(() -> attachments
                .find(issue, attachmentId).map(AttachmentResource::keptByContactService)
                .orElseGet(() -> Problems.notFound("Attachment", attachmentId)));
    }

    /** An emailed file: its bytes are with the contact in contact-service, which read the mail. */
    private static ProblemException keptByContactService(Attachment file) {
        return ProblemException.of(404, "not-found", "Not found", "Attachment " + file.id() + " came by email: "
                + "contact-service keeps it, at /contacts/" + file.contactId() + "/attachments/" + file.id());
    }

    private Issue visible(String idOrNumber) {
        Issue issue = finder.get(idOrNumber);
        if (!caller.maySee(issue)) {
            throw Problems.notFound("Issue", idOrNumber);
        }
        return issue;
    }
}
