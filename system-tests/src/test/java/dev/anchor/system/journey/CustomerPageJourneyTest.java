package dev.anchor.system.journey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.system.journey.Anchor.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.anchor.system.journey.Anchor.expect;
import static dev.anchor.system.journey.Anchor.items;
import static dev.anchor.system.journey.Anchor.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracker issue 15: what a customer reads tells the whole truth, in English and in German, on the status page in
 * headless Chromium and in what arrives at the SMTP catcher and the SMS sink. A repair booked at a place from the
 * locations directory shows its name, address and local time; a refund its amount formatted for the customer's
 * region; the latest news comes first; the step the customer answered is no longer asked; closing takes a
 * confirmation; a thank-you after closing leaves the issue closed; a link that no longer works sends a new one to
 * the address on file; every email threads by issue, carries no empty
 * header and, when not critical, a one-click unsubscribe that works with one POST. axe-core finds no WCAG 2.2 AA
 * violation on any state of the page.
 */
@ExtendWith(RunningSuite.Extension.class)
class CustomerPageJourneyTest {

    private static final Propagations FIGURES = new Propagations("customer page journey");
    /** notification-service's coalescing window (its default), plus time to send. */
    private static final Duration WINDOW = Duration.ofMinutes(3);
    private static final Pattern UNSUBSCRIBE = Pattern.compile("<(https?://[^>]+)>");

    private final RunningSuite suite = RunningSuite.get();
    private final Anchor anchor = new Anchor(suite);
    private final Sinks sinks = new Sinks(suite);
    private final String run = Anchor.unique(8);
    private final Caller agent = Caller.agent("agent.page." + run);
    private final Caller supervisor = Caller.supervisor("supervisor.page." + run);

    /** One customer's journey: their language, region, zone and currency, and what they should read. */
    private record Reader(String tag, String zone, String currency, String amount, String photo, String thanks,
                          String reply, String newIssue) {
    }

    private static final Reader ENGLISH = new Reader("en-GB", "Europe/London", "GBP", "£1,249.50",
            "Here is the photo of the fuse", "Collected, works perfectly again. Thank you",
            "By email: it clicks but does not heat", "The toaster burns one side");
    private static final Reader GERMAN = new Reader("de-DE", "Europe/Berlin", "EUR", "1.249,50 €",
            "Hier ist das Foto der Sicherung", "Abgeholt, läuft wieder perfekt. Danke",
            "Per E-Mail: er klickt, heizt aber nicht", "Der Toaster bräunt nur eine Seite");
    /** The organisation's address, the mailbox contact-service reads (./suite's GreenMail). */
    private static final String ORGANISATION = "care@anchor.local";

    /** What one journey made. */
    private final class Journey {
        final Reader reader;
        final String email = "page." + Anchor.unique(12) + "@example.com";
        String customerId;
        String issueId;
        String number;
        String statusLink;
        Instant repairAt;

        Journey(Reader reader) {
            this.reader = reader;
        }
    }

    @AfterAll
    static void printFigures() {
        System.out.println(FIGURES.table("Customer page journey propagation"));
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void theCustomersPageAndMessagesTellTheWholeTruthInEnglishAndGerman() {
        List.of(agent, supervisor).forEach(c -> suite.token(c.role(), c.sub(), c.location()));
        JsonNode place = expect(anchor.issues(supervisor).contentType("application/json")
                .header("Idempotency-Key", Anchor.idempotencyKey())
                .body(Map.of("locationId", "repair-" + run, "name", "Fixit Repairs " + run, "kind", "repair_centre",
                        "address", Map.of("lines", List.of("7 Volta Street"), "city", "Leeds", "postalCode", "LS1 4AP",
                                "country", "GB"),
                        "phone", "+44 113 496 0000", "timeZone", "Europe/London",
                        "openingHours", List.of(Map.of("days", List.of("monday", "tuesday", "wednesday", "thursday", "friday"),
                                "opens", "09:00", "closes", "17:30"))))
                .post("/locations"), 201, "a repair centre in the directory");
        String locationId = place.at("/place/locationId").asText();
        String placeName = place.at("/place/name").asText();

        List<Journey> journeys = List.of(new Journey(ENGLISH), new Journey(GERMAN));
        for (Journey journey : journeys) {
            openWithAStepARepairAndARefund(journey, locationId);
        }
        try (Browser browser = new Browser()) {
            for (Journey journey : journeys) {
                thePageShowsTheBookingTheRefundAndTheLatestFirst(browser, journey, placeName);
                theAnsweredStepIsNoLongerAsked(browser, journey);
            }
            for (Journey journey : journeys) {
                theBookingIsToldByEmailWithoutTheAnsweredStep(journey, placeName);
            }
            for (Journey journey : journeys) {
                anEmailReplyIsTheirWordsOnThePage(browser, journey);
            }
            for (Journey journey : journeys) {
                closingTakesAConfirmationAndAThankYouLeavesItClosed(browser, journey);
            }
            for (Journey journey : journeys) {
                aDeadLinkSendsANewOneToTheAddressOnFile(browser, journey);
            }
        }
        for (Journey journey : journeys) {
            theEmailsThreadCarryNoEmptyHeaderAndUnsubscribeInOneClick(journey);
        }
        for (Journey journey : journeys) {
            anEmailToUsOpensOneIssueAcknowledgedOnce(journey);
        }
        anSmsCustomerIsToldWhereAndWhenTheRepairIs(locationId, placeName);
    }

    // ---- the journey ----------------------------------------------------------------------------

    private void openWithAStepARepairAndARefund(Journey journey, String locationId) {
        Map<String, Object> preferences = new java.util.HashMap<>(Anchor.preferences("email"));
        preferences.put("language", journey.reader.tag);
        preferences.put("timeZone", journey.reader.zone);
        journey.customerId = expect(anchor.customers(agent).contentType("application/json")
                .header("Idempotency-Key", Anchor.idempotencyKey())
                .body(Map.of("givenName", "Ada", "familyName", "Page" + Anchor.unique(6),
                        "emails", List.of(Map.of("address", journey.email)), "preferences", preferences))
                .post("/customers"), 201, "register (" + journey.reader.tag + ")").path("id").asText();
        JsonNode issue = openIssue(journey.customerId, "Kettle trips the fuse");
        journey.issueId = issue.path("id").asText();
        journey.number = issue.path("number").asText();

        journey.statusLink = FIGURES.await("issue.opened → the opening email (" + journey.reader.tag + ")", Propagations.now(),
                () -> sinks.mails(journey.email), mails -> !mails.isEmpty()).getFirst().statusLink();

        expect(anchor.issues(agent).contentType("application/json")
                .body(Map.of("what", "Send us a photo of the fault", "who", "customer",
                        "dueAt", Anchor.inFuture(Duration.ofDays(2))))
                .put("/issues/{id}/next-action", journey.issueId), 200, "a step for the customer");
        journey.repairAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        expect(anchor.issues(agent).contentType("application/json")
                .body(Map.of("kind", "repair", "locationId", locationId, "scheduledAt", journey.repairAt.toString(),
                        "note", "Bring the kettle and its cable"))
                .post("/issues/{id}/actions", journey.issueId), 201, "a repair booked at the repair centre");
        expect(anchor.issues(agent).contentType("application/json")
                .body(Map.of("kind", "refund", "amount", 1249.50, "currency", journey.reader.currency,
                        "note", "For the broken kettle"))
                .post("/issues/{id}/actions", journey.issueId), 201, "a refund with a note");
    }

    private void thePageShowsTheBookingTheRefundAndTheLatestFirst(Browser browser, Journey journey, String placeName) {
        browser.open(journey.statusLink);
        assertEquals(journey.number, browser.text("number"));
        assertTrue(browser.has("appointment"), "the appointment card: " + browser.source());
        assertTrue(browser.text("appointment-where").contains(placeName), browser.text("appointment-where"));
        assertTrue(browser.text("appointment-where").contains("7 Volta Street"), browser.text("appointment-where"));
        String when = browser.text("appointment-when");
        assertTrue(when.contains(localTime(journey.repairAt, journey.reader.zone)), "the local time: " + when);
        assertFalse(when.matches(".*\\d{4}-\\d{2}-\\d{2}T.*"), "never a raw ISO time: " + when);
        assertTrue(browser.text("appointment-bring").contains("Bring the kettle and its cable"));
        assertTrue(browser.has("appointment-hours"), "the opening hours");

        List<String> history = browser.texts("#history li");
        assertFalse(history.isEmpty());
        assertTrue(plain(history.getFirst()).contains(journey.reader.amount),
                "the latest entry first, the refund with its amount for " + journey.reader.tag + ": " + history);
        assertTrue(history.getFirst().contains("For the broken kettle"), "the note is added, not instead: " + history.getFirst());
        assertTrue(browser.has("latest"), "a short latest update at the top");
        assertEquals(1, browser.texts("#progress [aria-current=step]").size(), "a progress indicator marks where it is");
        assertTrue(browser.has("next-action"), "the step waiting on the customer is asked");
        assertNoViolations(browser, journey, "with a booking and a refund");
    }

    private void theAnsweredStepIsNoLongerAsked(Browser browser, Journey journey) {
        browser.click("#comment-form button[type=submit]"); // empty: refused with an error summary
        assertTrue(browser.shows("notice"), "an error summary");
        assertEquals("notice", browser.focused(), "the summary takes focus");
        assertNoViolations(browser, journey, "an empty comment refused");

        browser.open(journey.statusLink);
        browser.type("comment-text", journey.reader.photo + " " + run);
        browser.click("#comment-form button[type=submit]");
        browser.arrivedAt("notice=commented");
        assertEquals("notice", browser.focused(), "the banner takes focus");
        assertFalse(browser.has("next-action"), "the answered step is no longer asked: " + browser.text("history"));
        assertTrue(browser.text("history").contains(journey.reader.photo), "their words are on the page");
        assertNoViolations(browser, journey, "after a comment");
    }

    /** A JPEG's signature and a little noise: what contact-service keeps as a photo. */
    private static final byte[] JPEG = jpeg();

    private static byte[] jpeg() {
        byte[] bytes = new byte[48 * 1024];
        new java.util.Random(7).nextBytes(bytes);
        System.arraycopy(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 0, bytes, 0, 4);
        return bytes;
    }

    private void anEmailReplyIsTheirWordsOnThePage(Browser browser, Journey journey) {
        Sinks.Mail opening = sinks.mails(journey.email).getFirst();
        String replyTo = opening.header("Reply-To");
        assertTrue(replyTo != null && replyTo.matches("care\\+[a-z2-7]{42}@anchor\\.local"), "the Reply-To: " + replyTo);
        String words = journey.reader.reply + " " + run;
        String photo = "kitchen-" + run + ".jpg";
        sinks.emailWithFile(journey.email, replyTo, "Re: " + opening.subject(),
                words + "\n\n-- \nSent from my phone\n\n> " + opening.text().lines().findFirst().orElse(""),
                photo, "image/jpeg", JPEG);
        String history = FIGURES.await("an email reply → on the page (" + journey.reader.tag + ")", Propagations.now(),
                Duration.ofSeconds(60), () -> {
                    browser.open(journey.statusLink);
                    return browser.text("history");
                }, text -> text.contains(words));
        assertFalse(history.contains("Sent from my phone"), "the signature is not their words:\n" + history);
        assertTrue(browser.shows("attachments") && browser.text("attachments").contains(photo),
                "the photo she emailed is listed with her files");
        assertNoViolations(browser, journey, "after an email reply");
    }

    private void anEmailToUsOpensOneIssueAcknowledgedOnce(Journey journey) {
        String subject = journey.reader.newIssue + " " + run;
        String words = journey.reader.newIssue + ".\n\n-- \nAda";
        sinks.email(journey.email, ORGANISATION, "Fwd: " + subject, words, Map.of(), 2); // delivered twice
        sinks.email(journey.email, ORGANISATION, "Abwesend: " + subject, "Bis Montag nicht im Büro.",
                Map.of("Auto-Submitted", "auto-replied"), 1);
        JsonNode opened = FIGURES.await("an email to us → a new issue (" + journey.reader.tag + ")", Propagations.now(),
                Duration.ofSeconds(60), () -> issuesOf(journey.customerId).stream()
                        .filter(issue -> subject.equals(issue.path("title").asText())).toList(),
                found -> !found.isEmpty()).getFirst();
        assertEquals("email", opened.path("channel").asText());
        String number = opened.path("number").asText();
        Sinks.Mail acknowledgement = FIGURES.await("an email to us → its acknowledgement (" + journey.reader.tag + ")",
                Propagations.now(), WINDOW, () -> aboutIssue(journey, number), mails -> !mails.isEmpty()).getFirst();
        System.out.println("[customer page journey] " + journey.reader.tag + " acknowledgement:\n"
                + acknowledgement.subject() + "\n" + acknowledgement.text());
        assertTrue(acknowledgement.subject().contains(number), "the acknowledgement names the number: " + acknowledgement.subject());
        assertTrue(Sinks.STATUS_LINK.matcher(acknowledgement.text()).find(), "and links its page");
        // the automatic reply came last: once it is known to be ignored, both copies before it were read
        FIGURES.await("an automatic reply → ignored (" + journey.reader.tag + ")", Propagations.now(),
                Duration.ofSeconds(60), () -> items(expect(anchor.contacts(supervisor).queryParam("status", "ignored")
                        .queryParam("size", 100).get("/inbound-messages"), 200, "the ignored mail")),
                ignored -> ignored.stream().anyMatch(m -> ("Abwesend: " + subject).equals(m.path("subject").asText())));
        assertEquals(1, issuesOf(journey.customerId).stream()
                .filter(issue -> subject.equals(issue.path("title").asText())).count(), "one issue, however often it came");
        assertEquals(1, aboutIssue(journey, number).size(), "one acknowledgement, and nothing for the auto-reply");
    }

    private List<Sinks.Mail> aboutIssue(Journey journey, String number) {
        return sinks.mails(journey.email).stream().filter(mail -> mail.subject().contains(number)).toList();
    }

    private List<JsonNode> issuesOf(String customerId) {
        return items(expect(anchor.issues(agent).queryParam("customerId", customerId).queryParam("size", 100)
                .get("/issues"), 200, "the customer's issues"));
    }

    private void closingTakesAConfirmationAndAThankYouLeavesItClosed(Browser browser, Journey journey) {
        expect(anchor.issues(agent).contentType("application/json").body(Map.of("status", "resolved"))
                .post("/issues/{id}/status", journey.issueId), 200, "resolved by the owner");
        browser.open(journey.statusLink);
        assertTrue(browser.has("closes-at"), "a resolved issue says when it closes by itself");
        assertEquals(3, browser.texts("#progress li").indexOf(browser.texts("#progress [aria-current=step]").getFirst()) + 1,
                "resolved is the third of the four stages");
        assertTrue(browser.has("not-fixed"), "and offers 'It is not fixed'");
        assertNoViolations(browser, journey, "resolved");

        browser.click("#close");
        assertTrue(browser.shows("confirm-close"), "closing asks first");
        assertEquals("resolved", issueStatus(journey), "nothing changed before the confirmation");
        assertNoViolations(browser, journey, "the close confirmation");
        browser.click("#confirm-close");
        browser.arrivedAt("notice=closed");
        assertEquals("closed", issueStatus(journey));
        String closedLabel = browser.text("status");

        browser.type("comment-text", journey.reader.thanks);
        browser.click("#comment-form button[type=submit]");
        browser.arrivedAt("notice=commented");
        assertEquals("closed", issueStatus(journey), "a thank-you is a comment, it does not reopen");
        assertEquals(closedLabel, browser.text("status"));
        assertTrue(browser.text("history").contains(journey.reader.thanks));
        assertNoViolations(browser, journey, "closed, after a thank-you");
    }

    private void aDeadLinkSendsANewOneToTheAddressOnFile(Browser browser, Journey journey) {
        expect(anchor.issues(supervisor).delete("/issues/{id}/status-link", journey.issueId), 204, "links revoked");
        browser.open(journey.statusLink);
        assertTrue(browser.shows("new-link"), "a dead link offers a new one");
        assertFalse(browser.source().contains(journey.number), "and reveals nothing of the issue");
        assertNoViolations(browser, journey, "a dead link");
        browser.click("#new-link");
        assertTrue(browser.shows("link-sent"), "the confirmation, whatever the link was");
        assertNoViolations(browser, journey, "a new link asked for");
        List<Sinks.Mail> mails = FIGURES.await("a new link asked for → email (" + journey.reader.tag + ")",
                Propagations.now(), Duration.ofMinutes(1), () -> sinks.mails(journey.email),
                list -> list.stream().anyMatch(m -> newLink(m, journey) != null));
        Sinks.Mail mail = mails.stream().filter(m -> newLink(m, journey) != null).findFirst().orElseThrow();
        System.out.println("[customer page journey] " + journey.reader.tag + " new link email:\n" + mail.text());
        browser.open(newLink(mail, journey));
        assertEquals(journey.number, browser.text("number"), "the new link opens the issue's page");
    }

    /** The status link in {@code mail} when it is not the journey's (revoked) one, else null. */
    private static String newLink(Sinks.Mail mail, Journey journey) {
        String link = mail.statusLink();
        return link.equals(journey.statusLink) ? null : link;
    }

    private void theBookingIsToldByEmailWithoutTheAnsweredStep(Journey journey, String placeName) {
        // the changes after the opening email wait out the coalescing window, then go as one message
        List<Sinks.Mail> mails = FIGURES.await("the booking → told by email (" + journey.reader.tag + ")", Propagations.now(),
                WINDOW, () -> sinks.mails(journey.email),
                list -> list.stream().anyMatch(m -> m.text().contains(placeName)));
        Sinks.Mail booking = mails.stream().filter(m -> m.text().contains(placeName)).findFirst().orElseThrow();
        System.out.println("[customer page journey] " + journey.reader.tag + " booking email:\n" + booking.text());
        assertTrue(booking.text().contains(localTime(journey.repairAt, journey.reader.zone)), "the local time:\n" + booking.text());
        assertTrue(booking.text().contains("7 Volta Street"), "the address:\n" + booking.text());
        assertTrue(booking.text().contains("Bring the kettle and its cable"), "what to bring:\n" + booking.text());
        assertTrue(plain(booking.text()).contains(journey.reader.amount), "the refund's amount for " + journey.reader.tag
                + ":\n" + booking.text());
        assertFalse(booking.text().contains("Send us a photo of the fault"), "never the step she answered:\n" + booking.text());
    }

    private void theEmailsThreadCarryNoEmptyHeaderAndUnsubscribeInOneClick(Journey journey) {
        List<Sinks.Mail> mails = FIGURES.await("resolved and closed → told by email (" + journey.reader.tag + ")",
                Propagations.now(), WINDOW, () -> sinks.mails(journey.email), list -> list.size() >= 3);
        Set<String> subjects = new java.util.TreeSet<>();
        for (Sinks.Mail mail : mails) {
            assertEquals(List.of(), mail.emptyHeaders(), "no empty header: " + mail.headers());
            assertEquals("<" + mail.notificationHeader() + "@", mail.header("Message-ID").substring(0,
                    mail.notificationHeader().length() + 2), "a stable Message-ID per notification: " + mail.header("Message-ID"));
            assertTrue(mail.header("References").contains(journey.issueId), "one thread per issue: " + mail.header("References"));
            subjects.add(mail.subject());
        }
        assertEquals(1, subjects.size(), "one subject per issue, so mail clients thread it: " + subjects);
        assertTrue(subjects.iterator().next().contains(journey.number));

        Sinks.Mail unsubscribable = mails.stream().filter(m -> m.header("List-Unsubscribe") != null).findFirst()
                .orElseThrow(() -> new AssertionError("no message with List-Unsubscribe among " + mails.size()));
        assertEquals("List-Unsubscribe=One-Click", unsubscribable.header("List-Unsubscribe-Post"));
        Matcher url = UNSUBSCRIBE.matcher(unsubscribable.header("List-Unsubscribe"));
        assertTrue(url.find(), unsubscribable.header("List-Unsubscribe"));
        // what a mail provider sends: one POST, no cookie, no token of ours but the link's
        int status = Anchor.http().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .post(url.group(1)).statusCode();
        assertTrue(status == 200 || status == 204, "one-click unsubscribe answered " + status);
        JsonNode customer = expect(anchor.customers(agent).get("/customers/{id}", journey.customerId), 200, "the customer");
        assertFalse(customer.at("/preferences/consent/service").asBoolean(true), "service updates withdrawn: " + customer);
        assertTrue(customer.at("/preferences/consent/critical").asBoolean(), "critical messages stay on");
    }

    private void anSmsCustomerIsToldWhereAndWhenTheRepairIs(String locationId, String placeName) {
        String phone = Anchor.uniquePhone();
        Map<String, Object> preferences = new java.util.HashMap<>(Anchor.preferences("sms"));
        preferences.put("language", GERMAN.tag);
        preferences.put("timeZone", GERMAN.zone);
        String customerId = expect(anchor.customers(agent).contentType("application/json")
                .header("Idempotency-Key", Anchor.idempotencyKey())
                .body(Map.of("givenName", "Grete", "familyName", "Sms" + Anchor.unique(6),
                        "phones", List.of(Map.of("number", phone, "label", "mobile")), "preferences", preferences))
                .post("/customers"), 201, "an SMS customer").path("id").asText();
        String issueId = openIssue(customerId, "Wasserkocher löst die Sicherung aus").path("id").asText();
        Instant at = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        expect(anchor.issues(agent).contentType("application/json")
                .body(Map.of("kind", "repair", "locationId", locationId, "scheduledAt", at.toString(),
                        "note", "Bitte den Wasserkocher mit Kabel und Kaufbeleg mitbringen"))
                .post("/issues/{id}/actions", issueId), 201, "a repair booked");
        List<Sinks.Sms> texts = FIGURES.await("the booking → told by SMS", Propagations.now(), WINDOW,
                () -> sinks.sms(phone), list -> list.stream().anyMatch(s -> s.text().contains(placeName)));
        Sinks.Sms sms = texts.stream().filter(s -> s.text().contains(placeName)).findFirst().orElseThrow();
        assertTrue(sms.text().contains(localTime(at, GERMAN.zone)), "where and when, in local time: " + sms.text());
        assertTrue(Sinks.segments(sms.text()) <= 3, "fits its segments: " + sms.text());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private JsonNode openIssue(String customerId, String title) {
        String key = Anchor.idempotencyKey();
        return json(FIGURES.await("customer.registered → issue-service opens an issue", Propagations.now(), Duration.ofSeconds(60),
                () -> anchor.issues(agent).contentType("application/json").header("Idempotency-Key", key)
                        .body(Map.of("customerId", customerId, "title", title, "channel", "phone", "takeOwnership", true))
                        .post("/issues"),
                response -> response.statusCode() != 422 && expect(response, 201, "open the issue") != null));
    }

    private String issueStatus(Journey journey) {
        return expect(anchor.issues(agent).get("/issues/{id}", journey.issueId), 200, "the issue").path("status").asText();
    }

    private static void assertNoViolations(Browser browser, Journey journey, String state) {
        assertEquals(List.of(), browser.accessibilityViolations(), "axe-core, " + journey.reader.tag + ", " + state);
    }

    /** HH:mm of {@code at} in {@code zone}: what any localised form of the time holds in en-GB and de-DE. */
    private static String localTime(Instant at, String zone) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of(zone)).format(at);
    }

    /** The text with the no-break spaces CLDR puts in amounts made plain. */
    private static String plain(String text) {
        assertNotNull(text);
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
