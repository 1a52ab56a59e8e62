package dev.anchor.contact.api;

import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.Roles;
import dev.anchor.contact.domain.CustomerReplies;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
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
        return paging.page(found.items().stream().map(InboundMessageView::of).toList(), found.total());
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
        return InboundMessageView.of(replies.assign(id, request.issueId(), callers.current()));
    }

    private static InboundMessage.Status status(String value) {
        if (value == null || value.isEmpty()) {
            return InboundMessage.Status.unmatched;
        }
        return Arrays.stream(InboundMessage.Status.values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> Problems.invalidField("status", "must be unmatched, matched or ignored"));
    }
}
