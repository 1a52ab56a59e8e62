package dev.anchor.notification.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.problem.ProblemException;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.notification.domain.DeliveryReports;
import dev.anchor.notification.domain.InboundSms;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/**
 * Reports from providers: SMS delivery receipts, customers' SMS replies and email bounces/complaints. Providers do not
 * carry our JWTs, so each request is signed instead: {@code X-Signature: sha256=<hex HMAC-SHA256 of the raw body>} with
 * the shared secret {@code anchor.callbacks.secret}. A missing or wrong signature is 401 and changes nothing.
 */
@Path("/callbacks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provider callbacks")
@PermitAll
@SecurityRequirements
public class CallbackResource {

    public static final String SIGNATURE = "X-Signature";
    private static final Set<String> SMS_FIELDS = Set.of("id", "reference", "status", "error", "at");
    private static final Set<String> EMAIL_FIELDS = Set.of("address", "type", "reference", "at");
    private static final Set<String> INBOUND_SMS_FIELDS = Set.of("id", "from", "to", "text", "at");
    /** The longest field a report may have. */
    private static final int LONGEST_FIELD = 1000;
    /** An SMS reply's text may be 1600 characters, each up to two UTF-16 units; InboundSms checks the 1600. */
    private static final int LONGEST_INBOUND_SMS_FIELD = 3200;

    private final DeliveryReports reports;
    private final InboundSms inbound;
    private final ObjectMapper mapper;
    private final byte[] secret;

    public CallbackResource(DeliveryReports reports, InboundSms inbound, ObjectMapper mapper,
                            @ConfigProperty(name = "anchor.callbacks.secret") String secret) {
        this.reports = reports;
        this.inbound = inbound;
        this.mapper = mapper;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @POST
    @Path("/sms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "SMS delivery receipt", description = "{id (the provider's), reference (our notification id), "
            + "status: delivered|failed|undeliverable|rejected, error}. delivered moves a sent message to delivered.")
    @APIResponse(responseCode = "204", description = "Recorded (a repeated receipt changes nothing)")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature")
    @APIResponse(responseCode = "404", description = "No such message")
    public Response sms(@HeaderParam(SIGNATURE) @Parameter(description = "sha256=<hex HMAC of the body>") String signature,
                        String body) {
        JsonNode json = verified(signature, body, SMS_FIELDS, LONGEST_FIELD);
        String id = optionalText(json, "id");
        UUID reference = NotificationResource.uuid("reference", optionalText(json, "reference"));
        if (id == null && reference == null) {
            throw Problems.invalidField("reference", "id or reference is required");
        }
        String status = optionalText(json, "status");
        if (status == null) {
            throw Problems.invalidField("status", "is required");
        }
        reports.sms(id, reference, status, optionalText(json, "error"));
        return Response.noContent().build();
    }

    @POST
    @Path("/sms/inbound")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "SMS reply from a customer", description = "{id (the provider's message id, 1-100 visible "
            + "ASCII), from (the customer's E.164 number), to (our number, optional), text (at most 1600 characters), "
            + "at (optional ISO-8601 date-time the provider received it)}. A reply from the one active customer with "
            + "that number is published as notification.reply-received, about the issue of her last SMS; the number "
            + "is not published.")
    @APIResponse(responseCode = "204", description = "Taken (a repeated id changes nothing; an unknown number is "
            + "recorded, not published)")
    @APIResponse(responseCode = "400", description = "A field is missing or malformed")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature")
    public Response smsInbound(@HeaderParam(SIGNATURE) @Parameter(description = "sha256=<hex HMAC of the body>")
                               String signature, String body) {
        JsonNode json = verified(signature, body, INBOUND_SMS_FIELDS, LONGEST_INBOUND_SMS_FIELD);
        inbound.received(optionalText(json, "id"), optionalText(json, "from"), optionalText(json, "to"),
                optionalText(json, "text"), optionalText(json, "at"));
        return Response.noContent().build();
    }

    @POST
    @Path("/email")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Email bounce or complaint", description = "{address, type: hard-bounce|soft-bounce|complaint, "
            + "reference (our notification id, optional)}. Hard bounces and complaints suppress the address until the "
            + "customer's address changes.")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature")
    public Response email(@HeaderParam(SIGNATURE) String signature, String body) {
        JsonNode json = verified(signature, body, EMAIL_FIELDS, LONGEST_FIELD);
        String address = optionalText(json, "address");
        if (address == null || address.length() > 254 || !address.contains("@")) {
            throw Problems.invalidField("address", "must be an email address");
        }
        String type = optionalText(json, "type");
        if (type == null) {
            throw Problems.invalidField("type", "is required");
        }
        reports.email(address.trim(), type, NotificationResource.uuid("reference", optionalText(json, "reference")));
        return Response.noContent().build();
    }

    private JsonNode verified(String signature, String body, Set<String> fields, int longest) {
        if (signature == null || !signature.startsWith("sha256=")) {
            throw unauthorized("A signature (X-Signature: sha256=<hex>) is required");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring("sha256=".length()));
        } catch (IllegalArgumentException e) {
            throw unauthorized("The signature is not hex");
        }
        String payload = body == null ? "" : body;
        if (!MessageDigest.isEqual(given, sign(secret, payload))) {
            throw unauthorized("The signature does not match the body");
        }
        if (payload.isBlank()) {
            throw Problems.badRequest("A body is required");
        }
        JsonNode json;
        try {
            json = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw Problems.unreadable(e);
        }
        if (json == null || !json.isObject()) {
            throw Problems.badRequest("The body must be a JSON object");
        }
        var names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw Problems.invalidField(name, "is not a known field");
            }
            if (!json.get(name).isTextual() && !json.get(name).isNull()) {
                throw Problems.invalidField(name, "must be a string");
            }
            if (json.get(name).asText().length() > longest) {
                throw Problems.invalidField(name, "is too long");
            }
        }
        return json;
    }

    public static byte[] sign(byte[] secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String optionalText(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    private static ProblemException unauthorized(String detail) {
        return ProblemException.of(401, "unauthorized", "Unauthorized", detail);
    }
}
