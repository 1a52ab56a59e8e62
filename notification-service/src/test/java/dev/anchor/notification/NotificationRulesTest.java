package dev.anchor.notification;

import dev.anchor.notification.domain.AddressSuppression;
import dev.anchor.notification.domain.CustomerContact;
import dev.anchor.notification.domain.Decision;
import dev.anchor.notification.domain.HoldReason;
import dev.anchor.notification.domain.NotificationRules;
import dev.anchor.notification.domain.NotificationStatus;
import dev.anchor.notification.domain.SuppressionReason;
import dev.anchor.notification.domain.Template.Category;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision whether, how and when to tell a customer, without Quarkus: a pinned clock and plain values. */
class NotificationRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final NotificationRules RULES = new NotificationRules(new NotificationRules.Policy(
            Duration.ofMinutes(2), Duration.ofMinutes(10), "email", "21:00", "08:00", "UTC"));
    private static final String EMAIL = "ada@example.com";
    private static final String PHONE = "+447700900123";

    private static CustomerContact customer() {
        CustomerContact c = new CustomerContact();
        c.id = UUID.randomUUID();
        c.status = "active";
        c.email = EMAIL;
        c.preferredChannel = "email";
        c.timeZone = "UTC";
        c.quietStart = "00:00";
        c.quietEnd = "00:00"; // none
        return c;
    }

    private static NotificationRules.Message message(Category category) {
        return new NotificationRules.Message(category, false, true, false, null);
    }

    private static Decision decide(NotificationRules.Message m, CustomerContact c) {
        return decide(m, c, List.of());
    }

    private static Decision decide(NotificationRules.Message m, CustomerContact c, List<NotificationRules.OtherMessage> others) {
        return RULES.decide(m, c, Set.of(), others, CLOCK);
    }

    private static NotificationRules.OtherMessage sent(Instant sentAt) {
        return new NotificationRules.OtherMessage(UUID.randomUUID(), NotificationStatus.SENT, null, 1, Category.service, false,
                false, sentAt.minusSeconds(5), sentAt, null);
    }

    private static NotificationRules.OtherMessage waiting(Category category, boolean urgent, Instant dueAt, HoldReason reason) {
        return new NotificationRules.OtherMessage(UUID.randomUUID(), NotificationStatus.QUEUED, reason, 0, category, urgent,
                true, NOW.minusSeconds(60), null, dueAt);
    }

    private static String reason(Decision d) {
        return assertInstanceOf(Decision.Suppress.class, d).text();
    }

    @Test
    void anUnknownCustomerIsAwaitedUntilTheWaitIsOverThenGivenUp() {
        assertEquals(new Decision.AwaitCustomer(NOW.plus(Duration.ofMinutes(10))), decide(message(Category.critical), null));
        Instant until = NOW.plusSeconds(300);
        NotificationRules.Message held = new NotificationRules.Message(Category.critical, false, true, false, until);
        assertEquals(new Decision.AwaitCustomer(until), decide(held, null));
        NotificationRules.Message over = new NotificationRules.Message(Category.critical, false, true, false, NOW);
        Decision.Suppress givenUp = assertInstanceOf(Decision.Suppress.class, decide(over, null));
        assertEquals("unknown-customer", givenUp.text());
        assertFalse(givenUp.rendered());
    }

    @Test
    void erasedAndMergedCustomersGetNothing() {
        CustomerContact erased = customer();
        erased.status = "erased";
        assertEquals("customer-erased", reason(decide(message(Category.critical), erased)));
        CustomerContact merged = customer();
        merged.status = "merged";
        Decision.Suppress d = assertInstanceOf(Decision.Suppress.class, decide(message(Category.critical), merged));
        assertEquals(SuppressionReason.CUSTOMER_MERGED, d.reason());
        assertFalse(d.rendered());
    }

    @Test
    void serviceAndMarketingNeedConsentCriticalNever() {
        CustomerContact c = customer();
        c.consentService = false;
        Decision.Suppress noConsent = assertInstanceOf(Decision.Suppress.class, decide(message(Category.service), c));
        assertEquals("no-consent:service", noConsent.text());
        assertNull(noConsent.channel());
        assertTrue(noConsent.rendered());
        assertInstanceOf(Decision.SendNow.class, decide(message(Category.critical), c));
        assertEquals("no-consent:marketing", reason(decide(message(Category.marketing), customer())));
        CustomerContact optedIn = customer();
        optedIn.consentMarketing = true;
        assertInstanceOf(Decision.SendNow.class, decide(message(Category.marketing), optedIn));
    }

    @Test
    void thePreferredChannelOrTheOtherOnlyWhenFallbackIsAllowed() {
        CustomerContact c = customer();
        c.preferredChannel = "sms";
        Decision.Suppress none = assertInstanceOf(Decision.Suppress.class, decide(message(Category.service), c));
        assertEquals("no-address:sms", none.text());
        assertEquals("sms", none.channel().channel());
        c.fallbackAllowed = true;
        assertEquals("email", assertInstanceOf(Decision.SendNow.class, decide(message(Category.service), c)).channel().channel());
        c.phone = PHONE;
        Decision.SendNow both = assertInstanceOf(Decision.SendNow.class, decide(message(Category.service), c));
        assertEquals("sms", both.channel().channel());
        assertEquals("email", both.channel().fallback());
        Set<AddressSuppression.Key> bounced = Set.of(new AddressSuppression.Key("sms", PHONE));
        Decision.SendNow fallback = assertInstanceOf(Decision.SendNow.class,
                RULES.decide(message(Category.service), c, bounced, List.of(), CLOCK));
        assertEquals("email", fallback.channel().channel());
        assertNull(fallback.channel().fallback());
        c.fallbackAllowed = false;
        assertEquals("address-suppressed:sms",
                reason(RULES.decide(message(Category.service), c, bounced, List.of(), CLOCK)));
        CustomerContact noPreference = customer();
        noPreference.preferredChannel = null;
        assertEquals("email", assertInstanceOf(Decision.SendNow.class,
                decide(message(Category.service), noPreference)).channel().channel());
    }

    @Test
    void theFirstOwnerTheOpeningMessageNamedIsNothingNew() {
        assertTrue(NotificationRules.tellsNothingNew("issue.assigned", false, "agent.alice", "agent.alice"));
        assertFalse(NotificationRules.tellsNothingNew("issue.assigned", true, "agent.alice", "agent.alice"));
        assertFalse(NotificationRules.tellsNothingNew("issue.assigned", false, "agent.bob", "agent.alice"));
        assertFalse(NotificationRules.tellsNothingNew("issue.assigned", false, "agent.alice", null));
        assertFalse(NotificationRules.tellsNothingNew("issue.opened", false, "agent.alice", "agent.alice"));
        NotificationRules.Message nothingNew = new NotificationRules.Message(Category.service, false, true, true, null);
        Decision.Suppress d = assertInstanceOf(Decision.Suppress.class, decide(nothingNew, customer()));
        assertEquals("nothing-new", d.text());
        assertEquals("email", d.channel().channel());
    }

    @Test
    void aChangeWithinTheWindowAfterAMessageWentOutWaitsForItsEnd() {
        CustomerContact c = customer();
        Instant sentAt = NOW.minusSeconds(30);
        Decision.HoldUntil held = assertInstanceOf(Decision.HoldUntil.class,
                decide(message(Category.service), c, List.of(sent(sentAt), sent(NOW.minusSeconds(100)))));
        assertEquals(sentAt.plus(Duration.ofMinutes(2)), held.at());
        assertEquals(HoldReason.COALESCING, held.reason());
        assertNull(held.digest());
        // outside the window: at once
        assertInstanceOf(Decision.SendNow.class, decide(message(Category.service), c, List.of(sent(NOW.minusSeconds(121)))));
        // being attempted (queued, an attempt counted): the window runs from its creation
        NotificationRules.OtherMessage attempting = new NotificationRules.OtherMessage(UUID.randomUUID(), NotificationStatus.QUEUED,
                HoldReason.RETRYING, 2, Category.service, false, false, NOW.minusSeconds(60), null, NOW.plusSeconds(5));
        assertEquals(NOW.plusSeconds(60), assertInstanceOf(Decision.HoldUntil.class,
                decide(message(Category.service), c, List.of(attempting))).at());
        // a critical change goes at once
        assertInstanceOf(Decision.SendNow.class, decide(message(Category.critical), c, List.of(sent(sentAt))));
        // contact summaries are never held or combined
        NotificationRules.Message summary = new NotificationRules.Message(Category.service, false, false, false, null);
        Decision.SendNow alone = assertInstanceOf(Decision.SendNow.class, decide(summary, c,
                List.of(sent(sentAt), waiting(Category.service, false, NOW.plusSeconds(90), HoldReason.COALESCING))));
        assertNull(alone.digest());
    }

    @Test
    void aWaitingMessageIsAbsorbedIntoADigestThatKeepsTheEarlierDueTime() {
        CustomerContact c = customer();
        NotificationRules.OtherMessage first = waiting(Category.service, false, NOW.plusSeconds(90), HoldReason.COALESCING);
        Decision.HoldUntil digest = assertInstanceOf(Decision.HoldUntil.class,
                decide(message(Category.service), c, List.of(sent(NOW.minusSeconds(30)), first)));
        assertEquals(NOW.plusSeconds(90), digest.at());
        assertEquals(HoldReason.COALESCING, digest.reason());
        assertEquals(new Decision.Digest(List.of(first.id()), Category.service, false), digest.digest());

        // the new one would wait for a later window end; the waiting one's earlier time (and reason) wins
        NotificationRules.OtherMessage morning = waiting(Category.service, false, NOW.plusSeconds(30), HoldReason.QUIET_HOURS);
        Decision.HoldUntil earlier = assertInstanceOf(Decision.HoldUntil.class,
                decide(message(Category.service), c, List.of(sent(NOW.minusSeconds(10)), morning)));
        assertEquals(NOW.plusSeconds(30), earlier.at());
        assertEquals(HoldReason.QUIET_HOURS, earlier.reason());

        // already due: goes now
        NotificationRules.OtherMessage due = waiting(Category.service, false, NOW.minusSeconds(1), null);
        Decision.SendNow now = assertInstanceOf(Decision.SendNow.class, decide(message(Category.service), c, List.of(due)));
        assertEquals(List.of(due.id()), now.digest().absorbed());
    }

    @Test
    void aCriticalOrUrgentChangeGoesAtOnceAndTakesTheWaitingOnesWithIt() {
        CustomerContact c = customer();
        NotificationRules.OtherMessage first = waiting(Category.service, false, NOW.plusSeconds(90), HoldReason.COALESCING);
        Decision.SendNow critical = assertInstanceOf(Decision.SendNow.class,
                decide(message(Category.critical), c, List.of(sent(NOW.minusSeconds(30)), first)));
        assertEquals(new Decision.Digest(List.of(first.id()), Category.critical, false), critical.digest());
        assertEquals(NOW, critical.at());
        // a waiting critical change makes the digest critical: now
        NotificationRules.OtherMessage resolved = waiting(Category.critical, false, NOW.plusSeconds(60), HoldReason.QUIET_HOURS);
        Decision.SendNow withCritical = assertInstanceOf(Decision.SendNow.class,
                decide(message(Category.service), c, List.of(sent(NOW.minusSeconds(30)), resolved)));
        assertEquals(Category.critical, withCritical.digest().category());
        // an urgent waiting one makes the digest urgent: now, and quiet hours do not hold it
        CustomerContact night = customer();
        night.quietStart = "09:00";
        night.quietEnd = "12:00";
        NotificationRules.OtherMessage urgent = waiting(Category.service, true, NOW.plusSeconds(60), HoldReason.COALESCING);
        Decision.SendNow urgentNow = assertInstanceOf(Decision.SendNow.class,
                decide(message(Category.service), night, List.of(sent(NOW.minusSeconds(30)), urgent)));
        assertTrue(urgentNow.digest().urgent());
    }

    @Test
    void onlyMessagesWaitingForTheirFirstAttemptAreAbsorbed() {
        CustomerContact c = customer();
        NotificationRules.OtherMessage awaiting = waiting(Category.service, false, NOW.plusSeconds(60), HoldReason.AWAITING_CUSTOMER);
        NotificationRules.OtherMessage retrying = new NotificationRules.OtherMessage(UUID.randomUUID(), NotificationStatus.QUEUED,
                HoldReason.RETRYING, 1, Category.service, false, true, NOW.minusSeconds(300), null, NOW.plusSeconds(5));
        NotificationRules.OtherMessage noParts = new NotificationRules.OtherMessage(UUID.randomUUID(), NotificationStatus.QUEUED,
                null, 0, Category.service, false, false, NOW.minusSeconds(60), null, NOW.plusSeconds(5));
        // none is absorbed; the retrying one went out long before the window (its creation + 2 minutes)
        Decision.SendNow alone = assertInstanceOf(Decision.SendNow.class,
                decide(message(Category.service), c, List.of(awaiting, retrying, noParts)));
        assertNull(alone.digest());
    }

    @Test
    void quietHoursHoldNonUrgentMessagesUntilMorningInTheCustomersZone() {
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-23T21:30:00Z"), ZoneOffset.UTC); // 22:30 in Berlin
        CustomerContact c = customer();
        c.timeZone = "Europe/Berlin";
        c.quietStart = "22:00";
        c.quietEnd = "07:00";
        Decision.HoldUntil morning = assertInstanceOf(Decision.HoldUntil.class,
                RULES.decide(message(Category.critical), c, Set.of(), List.of(), lateEvening));
        assertEquals(Instant.parse("2026-11-24T06:00:00Z"), morning.at());
        assertEquals(HoldReason.QUIET_HOURS, morning.reason());
        NotificationRules.Message urgent = new NotificationRules.Message(Category.service, true, true, false, null);
        assertInstanceOf(Decision.SendNow.class, RULES.decide(urgent, c, Set.of(), List.of(), lateEvening));
        // no quiet hours of their own: the defaults (21:00–08:00) in the default zone
        CustomerContact plain = customer();
        plain.quietStart = null;
        plain.quietEnd = null;
        plain.timeZone = null;
        assertEquals(Instant.parse("2026-11-24T08:00:00Z"), assertInstanceOf(Decision.HoldUntil.class,
                RULES.decide(message(Category.service), plain, Set.of(), List.of(), lateEvening)).at());
        // a zone that does not exist is UTC
        plain.timeZone = "Nowhere/Land";
        assertEquals(ZoneOffset.UTC, RULES.zone(plain));
        assertEquals(Instant.parse("2026-11-24T08:00:00Z"), assertInstanceOf(Decision.HoldUntil.class,
                RULES.decide(message(Category.service), plain, Set.of(), List.of(), lateEvening)).at());
    }

    @Test
    void theEndOfACoalescingWindowWithinQuietHoursWaitsForTheMorning() {
        Clock beforeNight = Clock.fixed(Instant.parse("2026-11-23T20:59:00Z"), ZoneOffset.UTC);
        CustomerContact c = customer();
        c.quietStart = "21:00";
        c.quietEnd = "08:00";
        NotificationRules.OtherMessage justSent = sent(Instant.parse("2026-11-23T20:58:30Z"));
        Decision.HoldUntil held = assertInstanceOf(Decision.HoldUntil.class,
                RULES.decide(message(Category.service), c, Set.of(), List.of(justSent), beforeNight));
        assertEquals(Instant.parse("2026-11-24T08:00:00Z"), held.at());
        assertEquals(HoldReason.QUIET_HOURS, held.reason());
    }
}
