package dev.anchor.customer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.http.ETags;
import dev.anchor.blocks.http.MergePatch;
import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.idempotency.Created;
import dev.anchor.blocks.idempotency.IdempotentCreates;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.CurrentCaller;
import dev.anchor.blocks.security.Roles;
import dev.anchor.customer.domain.Customer;
import dev.anchor.customer.domain.CustomerDraft;
import dev.anchor.customer.domain.CustomerMerge;
import dev.anchor.customer.domain.CustomerPrivacy;
import dev.anchor.customer.domain.CustomerRegistry;
import dev.anchor.customer.domain.Preferences;
import dev.anchor.customer.domain.SearchCriteria;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The customer API: thin over the domain ({@link CustomerRegistry}, {@link CustomerMerge}, {@link CustomerPrivacy}), it
 * adds HTTP concerns (roles, ETags, idempotency). Answers are views built in the transaction that read the record.
 */
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    private final CustomerRegistry registry;
    private final CustomerMerge merging;
    private final CustomerPrivacy privacy;
    private final IdempotentCreates idempotency;
    private final CurrentCaller caller;
    private final CallerScope scope;
    private final ObjectMapper mapper;

    public CustomerResource(CustomerRegistry registry, CustomerMerge merging, CustomerPrivacy privacy,
                            IdempotentCreates idempotency, CurrentCaller caller, CallerScope scope, ObjectMapper mapper) {
        this.registry = registry;
        this.merging = merging;
        this.privacy = privacy;
        this.idempotency = idempotency;
        this.caller = caller;
        this.scope = scope;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM})
    @Transactional
    @Operation(summary = "Register a customer", description = "A replay with the same Idempotency-Key returns the first result.")
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag name the new record")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request, or rules broken")
    public Response register(@HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Makes retries safe") String key,
                             @Valid @NotNull CustomerDraft draft, UriInfo uri) {
        return idempotency.once(key, scope("POST /customers"), draft, () -> {
            Customer customer = registry.register(draft);
            URI location = uri.getBaseUriBuilder().path("customers").path(customer.id.toString()).build();
            return new Created(customer.id, location, customer.version, CustomerView.of(customer));
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Operation(summary = "Read a customer", description = "Partners see names and contact details only, and only of "
            + "a customer with an issue shared with their token's location (or a record merged into one): any other "
            + "is 404, as if it did not exist. A merged record redirects (308) to the one it was merged into; an erased "
            + "one is gone (410).")
    @APIResponse(responseCode = "200", description = "The customer, with its ETag")
    @APIResponse(responseCode = "308", description = "Merged into the record named by Location")
    @APIResponse(responseCode = "403", description = "A partner token without a location")
    @APIResponse(responseCode = "404", description = "No such customer, or none the partner may read")
    @APIResponse(responseCode = "410", description = "Erased")
    @Transactional
    public Response get(@PathParam("id") UUID id, UriInfo uri) {
        Customer customer = registry.get(id, scope.current());
        return switch (customer.status) {
            case merged -> Response.status(Response.Status.PERMANENT_REDIRECT)
                    .location(uri.getBaseUriBuilder().path("customers").path(customer.mergedInto.toString()).build())
                    .build();
            case erased -> throw Problems.gone("Customer " + id + " was erased");
            case active -> ok(customer);
        };
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM, Roles.PARTNER})
    @Operation(summary = "Find customers", description = "By email, phone (E.164), name fragment or external "
            + "reference; filters combine. Paged: page from 0, size up to 100. A partner finds, and total counts, only "
            + "customers with an issue shared with its token's location; a partner token without a location is 403.")
    @Transactional
    public Paging.Page<?> search(@QueryParam("email") @Size(max = 254) String email,
                                 @QueryParam("phone") @Size(max = 30) String phone,
                                 @QueryParam("q") @Size(max = 200) @Parameter(description = "Part of the name") String q,
                                 @QueryParam("reference") @Size(max = 100) String reference,
                                 @QueryParam("system") @Size(max = 50) String system,
                                 @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        String normalisedPhone = phone == null ? null : phone.replaceAll("[\\s().-]", "");
        Paging.Page<Customer> found = registry.search(
                new SearchCriteria(blankToNull(email), blankToNull(normalisedPhone), blankToNull(q), blankToNull(reference),
                        blankToNull(system)), Paging.of(page, size), scope.current());
        List<?> items = caller.isPartnerOnly()
                ? found.items().stream().map(ContactCardView::of).toList()
                : found.items().stream().map(CustomerView::of).toList();
        return new Paging.Page<>(items, found.page(), found.size(), found.total());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Change a customer (JSON merge patch)", description = "RFC 7396: members replace, null removes, "
            + "lists are replaced whole. Send If-Match with the ETag you read to avoid lost updates.")
    @APIResponse(responseCode = "200", description = "The changed customer and its new ETag")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @Transactional
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        if (body == null || body.isBlank()) {
            throw Problems.badRequest("A merge patch body is required");
        }
        return ok(registry.patch(id, ETags.expected(ifMatch), parse(body)));
    }

    @PUT
    @Path("/{id}/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Replace a customer's preferences", description = "Channel, fallback, language, time zone, "
            + "quiet hours and consent per category; critical messages cannot be turned off.")
    @Transactional
    public Response replacePreferences(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                       @Valid @NotNull Preferences preferences) {
        return ok(registry.replacePreferences(id, ETags.expected(ifMatch), preferences));
    }

    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Merge a duplicate record of the same person into this one",
            description = "Emails, phones, addresses and references are united; the duplicate redirects here from now on.")
    @Transactional
    public Response merge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull MergeRequest request) {
        return ok(merging.merge(id, request.duplicateId(), ETags.expected(ifMatch)));
    }

    /** Kept for clients written against it; the whole subject access export is {@link ExportResource}. */
    @Deprecated
    @GET
    @Path("/{id}/export")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.SYSTEM})
    @Operation(summary = "Export customer-service's record of a customer (deprecated)", deprecated = true,
            description = "Only what customer-service holds. Use POST /customers/{id}/exports for everything the four "
                    + "services hold about the customer.")
    @Transactional
    public Response export(@PathParam("id") UUID id) {
        return Response.ok(CustomerExportView.of(privacy.export(id)))
                .header("Content-Disposition", "attachment; filename=\"customer-" + id + ".json\"")
                .build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR})
    @Operation(summary = "Erase a customer's personal data (GDPR)", description = "Also erases records merged into it. "
            + "The id remains so issues and contacts keep their references. Repeating it changes nothing.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "409", description = "The record was merged; erase the record it was merged into")
    public Response erase(@PathParam("id") UUID id) {
        privacy.erase(id);
        return Response.noContent().build();
    }

    private Response ok(Customer customer) {
        Object body = caller.isPartnerOnly() ? ContactCardView.of(customer) : CustomerView.of(customer);
        return Response.ok(body).tag(ETags.of(customer.version)).build();
    }

    private String scope(String operation) {
        return caller.id() + " " + operation;
    }

    private JsonNode parse(String body) {
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw Problems.unreadable(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
