package dev.anchor.customer.domain;

import dev.anchor.blocks.refusal.ExpectedVersion;
import dev.anchor.blocks.refusal.Gone;
import dev.anchor.blocks.refusal.Refused;
import dev.anchor.blocks.security.SignedLinks;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A customer acting on their own preferences through a signed link from one of our messages (made by
 * notification-service with {@link SignedLinks} and the shared {@code anchor.links.secret}; no service calls another):
 *
 * <ul>
 *   <li>{@value #UNSUBSCRIBE} links, fields {@code [customerId, category]} ({@code service} or {@code marketing}):
 *   withdraw consent for that category (RFC 8058 one-click);</li>
 *   <li>{@value #PREFERENCES} links, fields {@code [customerId]}: read and change channel, fallback, categories and
 *   quiet hours.</li>
 * </ul>
 *
 * Every change goes through {@link CustomerRegistry#replacePreferences}, the path of {@code PUT /customers/{id}/preferences},
 * so it publishes {@code customer.preferences-changed} exactly as the API does, and nothing when nothing changed. A link
 * to a record merged into another acts on the survivor (the same person, whose preferences are the ones kept); a link
 * to an erased customer is {@link Gone}; anything else that does not verify is an {@link InvalidLink}.
 */
@ApplicationScoped
@Startup // a secret too short for SignedLinks fails the start, not the first customer's click
public class PreferenceLinks {

    public static final String UNSUBSCRIBE = "unsubscribe";
    public static final String PREFERENCES = "preferences";
    /** Merges repoint earlier retired records at the survivor, so one hop is the rule; more is tolerated, a loop is not. */
    private static final int MERGE_HOPS = 5;

    /** The customer a link opens, as the pages show them: no name and no address, only which channels they have. */
    public record LinkedCustomer(UUID id, long version, Preferences preferences, boolean hasEmail, boolean hasPhone) {
    }

    /** An unsubscribe link: its customer, its category and when it expires. */
    public record Unsubscribe(LinkedCustomer customer, ConsentCategory category, Instant expires) {
    }

    /** A withdrawal: {@code changed} is false when consent was already withdrawn (then nothing was published). */
    public record Withdrawal(LinkedCustomer customer, ConsentCategory category, boolean changed, Instant expires) {
    }

    private final SignedLinks links;
    private final Customers customers;
    private final CustomerRegistry registry;
    private final Validator validator;
    private final Clock clock;

    public PreferenceLinks(LinkSettings settings, Customers customers, CustomerRegistry registry, Validator validator,
                           Clock clock) {
        this.links = new SignedLinks(settings.secret());
        this.customers = customers;
        this.registry = registry;
        this.validator = validator;
        this.clock = clock;
    }

    /** What an unsubscribe link names; changes nothing (a GET, a link scanner). */
    @Transactional
    public Unsubscribe unsubscribeLink(String token) {
        SignedLinks.Claims claims = verify(UNSUBSCRIBE, token, 2);
        Customer customer = customerOf(claims.field(0), false);
        ConsentCategory category = ConsentCategory.named(claims.field(1)).orElseThrow(InvalidLink::new);
        return new Unsubscribe(linked(customer), category, claims.expires());
    }

    /**
     * Withdraws consent for the link's category; repeating it changes and publishes nothing. Critical messages cannot
     * be turned off ({@link Refused}).
     */
    @Transactional
    public Withdrawal withdraw(String token) {
        SignedLinks.Claims claims = verify(UNSUBSCRIBE, token, 2);
        Customer customer = customerOf(claims.field(0), true);
        ConsentCategory category = ConsentCategory.named(claims.field(1)).orElseThrow(InvalidLink::new);
        if (category == ConsentCategory.critical) {
            throw new Refused("Critical messages cannot be turned off");
        }
        Preferences current = customer.preferences();
        Preferences.Consent consent = current.consent();
        boolean given = category == ConsentCategory.service ? consent.service() : consent.marketing();
        if (!given) {
            return new Withdrawal(linked(customer), category, false, claims.expires());
        }
        Preferences.Consent withdrawn = category == ConsentCategory.service
                ? new Preferences.Consent(true, false, consent.marketing())
                : new Preferences.Consent(true, consent.service(), false);
        Preferences after = new Preferences(current.preferredChannel(), current.fallbackAllowed(), current.language(),
                current.timeZone(), current.quietHours(), withdrawn);
        Customer changed = registry.replacePreferences(customer.id, ExpectedVersion.any(), after);
        return new Withdrawal(linked(changed), category, true, claims.expires());
    }

    /** The customer a preferences link opens. */
    @Transactional
    public LinkedCustomer preferencesLink(String token) {
        return linked(customerOf(verify(PREFERENCES, token, 1).field(0), false));
    }

    /**
     * Saves the customer's choices (language and time zone stay as they are) against the version their form showed:
     * a change made meanwhile (an agent, a one-click unsubscribe) is a StaleVersion and nothing is saved.
     */
    @Transactional
    public LinkedCustomer save(String token, ExpectedVersion expected, PreferenceChoices choices) {
        Customer customer = customerOf(verify(PREFERENCES, token, 1).field(0), true);
        Preferences current = customer.preferences();
        Preferences wanted = new Preferences(choices.preferredChannel(), choices.fallbackAllowed(), current.language(),
                current.timeZone(), choices.quietHours(), new Preferences.Consent(true, choices.service(), choices.marketing()));
        Set<ConstraintViolation<Preferences>> violations = validator.validate(wanted);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return linked(registry.replacePreferences(customer.id, expected, wanted));
    }

    /** A preferences link for {@code customerId} that lasts until {@code expires} (never longer than the link it came from). */
    public String preferencesToken(UUID customerId, Instant expires) {
        return links.sign(PREFERENCES, expires, customerId.toString());
    }

    private SignedLinks.Claims verify(String purpose, String token, int fields) {
        return links.verify(purpose, token, clock.instant())
                .filter(claims -> claims.fields().size() == fields)
                .orElseThrow(InvalidLink::new);
    }

    /** The active customer the link names, following merges to the survivor; erased is gone, unknown is invalid. */
    private Customer customerOf(String id, boolean forUpdate) {
        UUID next = uuid(id).orElseThrow(InvalidLink::new);
        for (int hop = 0; hop <= MERGE_HOPS; hop++) {
            Customer customer = (forUpdate ? customers.byIdForUpdate(next) : customers.byId(next))
                    .orElseThrow(InvalidLink::new);
            switch (customer.status) {
                case active -> {
                    return customer;
                }
                case erased -> throw new Gone("The customer was erased");
                case merged -> next = customer.mergedInto;
            }
        }
        throw new InvalidLink();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LinkedCustomer linked(Customer customer) {
        return new LinkedCustomer(customer.id, customer.version, customer.preferences(), !customer.emails.isEmpty(),
                !customer.phones.isEmpty());
    }
}
