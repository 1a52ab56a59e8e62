package dev.anchor.customer.api.preferences;

import dev.anchor.blocks.page.PageText;
import dev.anchor.blocks.page.StrictForm;
import dev.anchor.blocks.page.PageHeaders;
import dev.anchor.blocks.problem.Problem;
import dev.anchor.blocks.problem.ProblemException;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.refusal.ExpectedVersion;
import dev.anchor.blocks.refusal.Gone;
import dev.anchor.blocks.refusal.Refused;
import dev.anchor.blocks.refusal.StaleVersion;
import dev.anchor.blocks.security.SignedLinks;
import dev.anchor.customer.domain.Channel;
import dev.anchor.customer.domain.ConsentCategory;
import dev.anchor.customer.domain.InvalidLink;
import dev.anchor.customer.domain.PreferenceChoices;
import dev.anchor.customer.domain.PreferenceLinks;
import dev.anchor.customer.domain.PreferenceLinks.LinkedCustomer;
import dev.anchor.customer.domain.Preferences;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's own pages, reached from the links in every message (notification-service signs them with
 * {@code anchor.links.secret}); the link's token is the only credential, so no JWT is needed ({@code @PermitAll}) and
 * nothing but these four operations is opened:
 *
 * <ul>
 *   <li>{@code GET /preferences?token=P}: a form in the customer's language — preferred channel (only those they have
 *   an address or number for), fallback, categories (critical is always sent), quiet hours;</li>
 *   <li>{@code POST /preferences} (the form, token as a hidden field): saves through the domain (events as for
 *   {@code PUT /customers/{id}/preferences}), then the form again under a success banner; invalid values show an error
 *   summary and change nothing;</li>
 *   <li>{@code GET /preferences/unsubscribe?token=T}: "Stop … emails?" with a button; changes nothing (link scanners);</li>
 *   <li>{@code POST /preferences/unsubscribe?token=T}, body {@code List-Unsubscribe=One-Click} (RFC 8058, what mail
 *   providers send, and what the button sends): withdraws consent for the token's category, idempotently.</li>
 * </ul>
 *
 * Refusals are pages for browsers and problems for every other client ({@link PageClients}); a link that does not
 * verify gets the same answer whatever is wrong with it, so it tells nothing about any customer.
 */
@Path("/preferences")
@PermitAll
@Tag(name = "Customer pages", description = "The customer's preferences and unsubscribe pages, opened by a signed link "
        + "from a message: the token is the credential (no bearer token).")
public class PreferencePagesResource {

    static final String TOKEN = "token";
    /** The pages' words: in the customer's language when the link names them, else in the browser's. */
    static final PageText.Bundle WORDS = PageText.bundle("preferencespage/text", "en", "de", "fr");
    private static final Set<String> FORM_FIELDS = Set.of(TOKEN, "version", "channel", "fallback", "service", "marketing",
            "quietStart", "quietEnd");
    private static final Pattern TIME = Pattern.compile("\\s*([01]?[0-9]|2[0-3])[:.]([0-5][0-9])\\s*");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

    private final PreferenceLinks links;
    private final Template formPage;
    private final Template unsubscribePage;
    private final Template refusalPage;

    public PreferencePagesResource(PreferenceLinks links, @Location("preferences/form") Template formPage,
                                   @Location("preferences/unsubscribe") Template unsubscribePage,
                                   @Location("preferences/refused") Template refusalPage) {
        this.links = links;
        this.formPage = formPage;
        this.unsubscribePage = unsubscribePage;
        this.refusalPage = refusalPage;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The customer's preferences page (HTML)", description = "Opened by the preferences link of a "
            + "message (token purpose `preferences`, fields [customerId]). A merged record's link opens its survivor's "
            + "preferences. No bearer token: the link's token is the credential.")
    @APIResponse(responseCode = "200", description = "The form, in the customer's language")
    @APIResponse(responseCode = "400", description = "No token, or one longer than any link we make")
    @APIResponse(responseCode = "404", description = "The link does not work (forged, expired, another purpose)")
    @APIResponse(responseCode = "410", description = "The customer was erased")
    public Response page(@QueryParam(TOKEN) @Parameter(description = "The signed token of the link") String token,
                         @Context UriInfo uri) {
        String checked = required(token);
        LinkedCustomer customer = links.preferencesLink(checked);
        PageText text = PreferencePagesResource.WORDS.forTag(customer.preferences().language());
        return html(200, render(formPage, uri, text).data("page", view(checked, customer, current(customer), text, false,
                false, List.of())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save the customer's preferences (the page's form)", description = "Channel, fallback, "
            + "consent to service and marketing messages, quiet hours; language and time zone are kept. Saved through "
            + "the same path as PUT /customers/{id}/preferences, so customer.preferences-changed follows (nothing when "
            + "nothing changed). `version` is the record's version the form showed: a change made meanwhile saves "
            + "nothing (412).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {TOKEN, "version"}, properties = {
                    @SchemaProperty(name = TOKEN, type = SchemaType.STRING, maxLength = SignedLinks.MAX_LENGTH),
                    @SchemaProperty(name = "version", type = SchemaType.STRING, pattern = "[0-9]{1,18}"),
                    @SchemaProperty(name = "channel", type = SchemaType.STRING, enumeration = {"email", "sms"}),
                    @SchemaProperty(name = "fallback", type = SchemaType.STRING, enumeration = {"yes", "no"}),
                    @SchemaProperty(name = "service", type = SchemaType.STRING, enumeration = {"yes"}),
                    @SchemaProperty(name = "marketing", type = SchemaType.STRING, enumeration = {"yes"}),
                    @SchemaProperty(name = "quietStart", type = SchemaType.STRING, example = "21:00"),
                    @SchemaProperty(name = "quietEnd", type = SchemaType.STRING, example = "08:00")})))
    @APIResponse(responseCode = "200", description = "Saved: the form again under a success banner",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "Invalid values (the form with an error summary, or a problem "
            + "naming the fields), or a form that is not well-formed; nothing saved")
    @APIResponse(responseCode = "404", description = "The link does not work")
    @APIResponse(responseCode = "410", description = "The customer was erased")
    @APIResponse(responseCode = "412", description = "The preferences changed since the form was shown; nothing saved")
    public Response save(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        StrictForm form = PreferenceForm.read(body, FORM_FIELDS)
                .orElseThrow(() -> new UnreadableRequest("The form is not well-formed"));
        String token = required(form.field(TOKEN));
        String version = form.field("version");
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new UnreadableRequest("The form has no version");
        }
        LinkedCustomer customer = links.preferencesLink(token);
        PageText text = PreferencePagesResource.WORDS.forTag(customer.preferences().language());
        Values sent = submitted(form);
        List<PreferencesPageView.FieldError> errors = errors(sent, customer, text);
        if (!errors.isEmpty()) {
            if (!PageClients.isBrowser(headers)) {
                PageText english = PreferencePagesResource.WORDS.forTag("en");
                throw Problems.invalid("The form has invalid fields", errors(sent, customer, english).stream()
                        .map(e -> new Problem.FieldError(e.field(), e.message())).toList());
            }
            // the version the form was shown for, not the current one: a change made meanwhile is still caught
            return html(400, render(formPage, uri, text).data("page", view(token, Long.parseLong(version), customer,
                    sent, text, false, false, errors)));
        }
        try {
            LinkedCustomer saved = links.save(token, ExpectedVersion.oneOf(Set.of(Long.parseLong(version))),
                    choices(sent, customer));
            return html(200, render(formPage, uri, text).data("page", view(token, saved, current(saved), text, true,
                    false, List.of())));
        } catch (StaleVersion changedMeanwhile) {
            if (!PageClients.isBrowser(headers)) {
                throw Problems.preconditionFailed("The preferences changed since the form was shown; nothing was "
                        + "saved: open the page again");
            }
            LinkedCustomer now = links.preferencesLink(token);
            return html(412, render(formPage, uri, text).data("page", view(token, now, current(now), text, false, true,
                    List.of())));
        }
    }

    @GET
    @Path("/unsubscribe")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Ask before unsubscribing (HTML)", description = "The page behind an unsubscribe link (token "
            + "purpose `unsubscribe`, fields [customerId, category], category `service` or `marketing`): \"Stop … "
            + "emails?\" with a button that posts the one-click form. Changes nothing, so a link scanner or a "
            + "preview that fetches the link unsubscribes no one.")
    @APIResponse(responseCode = "200", description = "The question, or that consent was already withdrawn")
    @APIResponse(responseCode = "400", description = "No token, or one longer than any link we make")
    @APIResponse(responseCode = "404", description = "The link does not work")
    @APIResponse(responseCode = "410", description = "The customer was erased")
    public Response askToUnsubscribe(@QueryParam(TOKEN) @Parameter(description = "The signed token of the link")
                                     String token, @Context UriInfo uri) {
        String checked = required(token);
        PreferenceLinks.Unsubscribe link = links.unsubscribeLink(checked);
        LinkedCustomer customer = link.customer();
        PageText text = PreferencePagesResource.WORDS.forTag(customer.preferences().language());
        Preferences.Consent consent = customer.preferences().consent();
        String state = switch (link.category()) {
            case critical -> "critical";
            case service -> consent.service() ? "ask" : "already";
            case marketing -> consent.marketing() ? "ask" : "already";
        };
        return html(200, render(unsubscribePage, uri, text).data("page", UnsubscribePageView.of(state,
                link.category().name(), text, root(uri) + "preferences/unsubscribe?token=" + encode(checked),
                preferencesLink(uri, customer, link.expires()))));
    }

    @POST
    @Path("/unsubscribe")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Operation(summary = "One-click unsubscribe (RFC 8058)", description = "The body is exactly "
            + "`List-Unsubscribe=One-Click`, as mail providers send it (no cookie, no bearer token, no form token): "
            + "withdraws consent for the token's category through the same path as PUT /customers/{id}/preferences "
            + "(customer.preferences-changed follows). Repeating it changes and publishes nothing and answers the same. "
            + "A browser (its button) gets a confirmation page, any other client a short text.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT,
                    requiredProperties = OneClick.FIELD, properties = @SchemaProperty(name = OneClick.FIELD,
                    type = SchemaType.STRING, enumeration = OneClick.VALUE))),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
                    requiredProperties = OneClick.FIELD, properties = @SchemaProperty(name = OneClick.FIELD,
                    type = SchemaType.STRING, enumeration = OneClick.VALUE)))})
    @APIResponse(responseCode = "200", description = "Unsubscribed (now or before): the confirmation page for a "
            + "browser, a short text for any other client", content = {@Content(mediaType = MediaType.TEXT_HTML),
            @Content(mediaType = MediaType.TEXT_PLAIN)})
    @APIResponse(responseCode = "400", description = "No token, or a body that is not the one-click pair; nothing changed")
    @APIResponse(responseCode = "404", description = "The link does not work")
    @APIResponse(responseCode = "410", description = "The customer was erased")
    @APIResponse(responseCode = "422", description = "Critical messages cannot be turned off")
    public Response unsubscribe(@QueryParam(TOKEN) @Parameter(description = "The signed token of the link") String token,
                                byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        String checked = required(token);
        if (!OneClick.isOneClick(body, headers.getMediaType())) {
            throw new UnreadableRequest("The body must be " + OneClick.FIELD + "=" + OneClick.VALUE);
        }
        PreferenceLinks.Withdrawal withdrawal;
        try {
            withdrawal = links.withdraw(checked);
        } catch (Refused critical) {
            PreferenceLinks.Unsubscribe link = links.unsubscribeLink(checked);
            if (!PageClients.isBrowser(headers)) {
                throw Problems.unprocessable("Critical messages cannot be turned off");
            }
            PageText text = PreferencePagesResource.WORDS.forTag(link.customer().preferences().language());
            return html(422, render(unsubscribePage, uri, text).data("page", UnsubscribePageView.of("critical",
                    ConsentCategory.critical.name(), text, null, preferencesLink(uri, link.customer(), link.expires()))));
        }
        if (!PageClients.isBrowser(headers)) {
            return Response.ok("Unsubscribed from " + withdrawal.category() + " messages.\n", "text/plain; charset=UTF-8")
                    .header("Cache-Control", "no-store").build();
        }
        LinkedCustomer customer = withdrawal.customer();
        PageText text = PreferencePagesResource.WORDS.forTag(customer.preferences().language());
        return html(200, render(unsubscribePage, uri, text).data("page", UnsubscribePageView.of("done",
                withdrawal.category().name(), text, null, preferencesLink(uri, customer, withdrawal.expires()))));
    }

    // --- refusals: a page for a browser, a problem for everyone else -------------------------------------------------

    @ServerExceptionMapper
    public Response invalidLink(InvalidLink e, HttpHeaders headers, UriInfo uri) {
        return refuse(headers, uri, 404, ProblemException.of(404, "not-found", "Not found",
                        "This link does not work (it may have expired); every new message carries a fresh link"),
                "refused.invalid.title", "refused.invalid.body", "refused.invalid.fresh");
    }

    @ServerExceptionMapper
    public Response gone(Gone e, HttpHeaders headers, UriInfo uri) {
        return refuse(headers, uri, 410, Problems.gone("The customer's personal data was erased"),
                "refused.gone.title", "refused.gone.body");
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableRequest e, HttpHeaders headers, UriInfo uri) {
        return refuse(headers, uri, 400, Problems.badRequest(e.getMessage() + "; nothing was changed"),
                "refused.unreadable.title", "refused.unreadable.body");
    }

    /** A query value the shared strict parameters refuse (a NUL character). */
    @ServerExceptionMapper
    public Response badParameter(BadRequestException e, HttpHeaders headers, UriInfo uri) {
        return refuse(headers, uri, 400, Problems.badRequest(e.getMessage() + "; nothing was changed"),
                "refused.unreadable.title", "refused.unreadable.body");
    }

    private Response refuse(HttpHeaders headers, UriInfo uri, int status, ProblemException problem, String title,
                            String... paragraphs) {
        if (!PageClients.isBrowser(headers)) {
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem.problem().withInstance(uri.getPath()))
                    .header("Cache-Control", "no-store").build();
        }
        PageText text = PreferencePagesResource.WORDS.forAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        List<String> words = new ArrayList<>();
        for (String paragraph : paragraphs) {
            words.add(text.get(paragraph));
        }
        return html(status, render(refusalPage, uri, text).data("page", new RefusalPageView(text.get(title), words)));
    }

    // --- the form ----------------------------------------------------------------------------------------------------

    /** What a form holds, as sent (or as stored, to show the current choices). */
    private record Values(String channel, String fallback, boolean service, boolean marketing, String quietStart,
                          String quietEnd) {
    }

    private static Values current(LinkedCustomer customer) {
        Preferences p = customer.preferences();
        Preferences.QuietHours quiet = p.quietHours() == null ? Preferences.DEFAULT_QUIET_HOURS : p.quietHours();
        return new Values(p.preferredChannel() == null ? null : p.preferredChannel().name(),
                p.fallbackAllowed() ? "yes" : "no", p.consent().service(), p.consent().marketing(),
                quiet.start().toString(), quiet.end().toString());
    }

    private static Values submitted(StrictForm form) {
        return new Values(form.field("channel"), form.field("fallback"), checkbox(form, "service"),
                checkbox(form, "marketing"), form.field("quietStart"), form.field("quietEnd"));
    }

    private static boolean checkbox(StrictForm form, String name) {
        String value = form.field(name);
        if (value != null && !value.equals("yes")) {
            throw new UnreadableRequest("A box is ticked with yes or not sent");
        }
        return value != null;
    }

    /** What is wrong with the values, in the order of the page's fields; empty when they can be saved. */
    private static List<PreferencesPageView.FieldError> errors(Values sent, LinkedCustomer customer,
                                                               PageText text) {
        List<PreferencesPageView.FieldError> errors = new ArrayList<>();
        List<Channel> available = available(customer);
        if (sent.channel() == null || sent.channel().isBlank()) {
            errors.add(new PreferencesPageView.FieldError("channel", "channel", text.get("error.channel.missing")));
        } else if (!(available.isEmpty() ? List.of(Channel.values()) : available).stream()
                .map(Channel::name).toList().contains(sent.channel())) {
            errors.add(new PreferencesPageView.FieldError("channel", "channel", text.get("error.channel.unavailable")));
        }
        if (!"yes".equals(sent.fallback()) && !"no".equals(sent.fallback())) {
            errors.add(new PreferencesPageView.FieldError("fallback", "fallback", text.get("error.fallback.missing")));
        }
        time(sent.quietStart(), "quietStart", "quiet-start", text, errors);
        time(sent.quietEnd(), "quietEnd", "quiet-end", text, errors);
        return errors;
    }

    private static void time(String value, String field, String anchor, PageText text,
                             List<PreferencesPageView.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new PreferencesPageView.FieldError(field, anchor, text.get("error." + field + ".missing")));
        } else if (!TIME.matcher(value).matches()) {
            errors.add(new PreferencesPageView.FieldError(field, anchor, text.get("error." + field + ".format")));
        }
    }

    private static LocalTime parseTime(String value) {
        Matcher m = TIME.matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException("checked before");
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static PreferenceChoices choices(Values sent, LinkedCustomer customer) {
        return new PreferenceChoices(Channel.valueOf(sent.channel()), "yes".equals(sent.fallback()), sent.service(),
                sent.marketing(), new Preferences.QuietHours(parseTime(sent.quietStart()), parseTime(sent.quietEnd())));
    }

    private static List<Channel> available(LinkedCustomer customer) {
        List<Channel> channels = new ArrayList<>();
        if (customer.hasEmail()) {
            channels.add(Channel.email);
        }
        if (customer.hasPhone()) {
            channels.add(Channel.sms);
        }
        return channels;
    }

    private static PreferencesPageView view(String token, LinkedCustomer customer, Values values, PageText text,
                                            boolean saved, boolean stale, List<PreferencesPageView.FieldError> errors) {
        return view(token, customer.version(), customer, values, text, saved, stale, errors);
    }

    private static PreferencesPageView view(String token, long version, LinkedCustomer customer, Values values,
                                            PageText text, boolean saved, boolean stale,
                                            List<PreferencesPageView.FieldError> errors) {
        List<Channel> available = available(customer);
        List<PreferencesPageView.Choice> channels = new ArrayList<>();
        for (int i = 0; i < available.size(); i++) {
            Channel channel = available.get(i);
            channels.add(new PreferencesPageView.Choice(i == 0 ? "channel" : "channel-" + (i + 1), channel.name(),
                    text.get("channel." + channel.name()), channel.name().equals(values.channel())));
        }
        boolean bothChannels = available.size() == 2;
        List<PreferencesPageView.Choice> fallback = bothChannels ? List.of(
                new PreferencesPageView.Choice("fallback", "yes", text.get("fallback.yes"), "yes".equals(values.fallback())),
                new PreferencesPageView.Choice("fallback-2", "no", text.get("fallback.no"), "no".equals(values.fallback())))
                : List.of();
        String channelHidden = available.isEmpty() ? values.channel() : null;
        String fallbackHidden = bothChannels ? null : values.fallback();
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
        return new PreferencesPageView(token, version, channels, channelHidden, fallback, fallbackHidden, values.service(),
                values.marketing(), values.quietStart(), values.quietEnd(), customer.preferences().timeZone(), saved, stale,
                errors, byField);
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    /** The token of a request, present and no longer than any token SignedLinks makes. */
    private static String required(String token) {
        if (token == null || token.isBlank()) {
            throw new UnreadableRequest("The link has no token");
        }
        if (token.length() > SignedLinks.MAX_LENGTH) {
            throw new UnreadableRequest("The token is longer than any link we make");
        }
        return token;
    }

    private String preferencesLink(UriInfo uri, LinkedCustomer customer, java.time.Instant expires) {
        return root(uri) + "preferences?token=" + encode(links.preferencesToken(customer.id(), expires));
    }

    private static TemplateInstance render(Template template, UriInfo uri, PageText text) {
        return template.data("t", text.labels()).data("lang", text.language())
                .data("styleSheet", root(uri) + "preferences-page/page.css")
                .data("formAction", root(uri) + "preferences");
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(PageHeaders.HTML).entity(page.render())
                .header("Cache-Control", "no-store").build();
    }

    private static String root(UriInfo uri) {
        String base = uri.getBaseUri().getRawPath();
        return base.endsWith("/") ? base : base + "/";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
