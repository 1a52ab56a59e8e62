package dev.anchor.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.system.journey.Anchor;
import dev.anchor.system.journey.Anchor.Caller;
import dev.anchor.system.journey.Sinks;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one fault run opened and what each customer got for it: per created issue (201), the emails at GreenMail for
 * its customer's address, the SMS at the sink for their number, and the notification entries on their timeline in
 * contact-service. Every customer is new and has this one issue, so everything that reached them is about it.
 */
final class Ledger {

    private static final Duration POLL = Duration.ofSeconds(1);

    /** A customer of the load: a channel ({@code email} or {@code sms}) and the address or number on it. */
    record Customer(String id, String channel, String address) {
    }

    record Opened(String issueId, String number, Customer customer, Instant at) {
    }

    /**
     * {@code emails} and {@code sms} count distinct notifications (the X-Anchor-Notification header, the SMS
     * reference); {@code resent} the extra copies of one notification: handed to the provider again after a crash
     * between the provider's acceptance and notification-service's record of it (docs/reliability.md).
     */
    record Count(int emails, int sms, int timeline, int resent) {
        int told() {
            return emails + sms;
        }

        boolean once() {
            return told() == 1 && timeline == 1;
        }
    }

    /** The whole run's figures; {@code lost} and {@code duplicates} name the issues (number: count). */
    record Tally(int created, int emailed, int sms, int timeline, List<String> duplicates, List<String> lost,
                 List<String> lostWithTheCatcher, List<String> resent) {
    }

    private final Anchor anchor;
    private final Sinks sinks;
    private final Caller agent;
    private final List<Opened> created = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> refused = new ConcurrentHashMap<>();
    /** Mails counted before GreenMail was killed (it keeps them in memory only), by issue id. */
    private final Map<String, Integer> harvested = new ConcurrentHashMap<>();
    /** Issues already told once and on the timeline: read again only for the final count. */
    private final Map<String, Count> toldOnce = new ConcurrentHashMap<>();
    private Instant harvestStarted;
    private Instant catcherGone;

    Ledger(Anchor anchor, Sinks sinks, Caller agent) {
        this.anchor = anchor;
        this.sinks = sinks;
        this.agent = agent;
    }

    void created(Opened issue) {
        created.add(issue);
    }

    /** An attempt that did not end in 201: not created, so nothing is owed to its customer. */
    void refused(String why) {
        refused.merge(why, 1, Integer::sum);
    }

    int created() {
        return created.size();
    }

    int createdSince(Instant since) {
        return (int) created.stream().filter(o -> !o.at().isBefore(since)).count();
    }

    Map<String, Integer> refusals() {
        return new TreeMap<>(refused);
    }

    // ---- GreenMail keeps mail in memory ----------------------------------------------------------

    /** Counts every mailbox before GreenMail is killed; the counts after its restart start from zero. */
    synchronized void harvestMail() {
        harvestStarted = Instant.now();
        for (Opened issue : created) {
            if (issue.customer().channel().equals("email")) {
                harvested.merge(issue.issueId(), sinks.mails(issue.customer().address()).size(), Integer::sum);
            }
        }
    }

    /** The moment the catcher died: a mail it accepted after its mailbox was harvested went with it. */
    synchronized void catcherGone() {
        catcherGone = Instant.now();
    }

    // ---- counting ---------------------------------------------------------------------------------

    Count count(Opened issue) {
        Customer customer = issue.customer();
        List<String> mails = customer.channel().equals("email")
                ? sinks.mails(customer.address()).stream().map(Sinks.Mail::notificationHeader).toList() : List.of();
        List<String> texts = customer.channel().equals("sms")
                ? sinks.sms(customer.address()).stream().map(Sinks.Sms::reference).toList() : List.of();
        int emails = harvested.getOrDefault(issue.issueId(), 0) + (int) mails.stream().distinct().count();
        int sms = (int) texts.stream().distinct().count();
        int resent = mails.size() - (int) mails.stream().distinct().count() + texts.size()
                - (int) texts.stream().distinct().count();
        JsonNode timeline = Anchor.expect(anchor.contacts(agent).queryParam("kind", "notification")
                .queryParam("issueId", issue.issueId()).queryParam("size", 100)
                .get("/customers/{id}/timeline", customer.id()), 200, "timeline of " + customer.id());
        return new Count(emails, sms, Anchor.items(timeline).size(), resent);
    }

    /**
     * Waits until every created issue was told (email or SMS) and is on its customer's timeline, polling each second
     * only the issues not there yet; false when some are still missing after {@code atMost}.
     */
    boolean awaitEveryIssueTold(Duration atMost) {
        try {
            Awaitility.await("every created issue told").atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .ignoreExceptions() // a sink or service still coming back counts as not yet
                    .until(() -> {
                        for (Opened issue : created) {
                            if (!toldOnce.containsKey(issue.issueId())) {
                                Count count = count(issue);
                                if (count.told() >= 1 && count.timeline() >= 1) {
                                    toldOnce.put(issue.issueId(), count);
                                }
                            }
                        }
                        return toldOnce.size() == created.size();
                    });
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /**
     * Watches for late duplicates (a redelivery after the fault): every issue is recounted each second, and the count
     * must show no duplicate for {@code quiet} in a row; false when one shows up.
     */
    boolean staysFreeOfDuplicates(Duration quiet) {
        try {
            Awaitility.await("no duplicate for " + quiet).during(quiet).atMost(quiet.multipliedBy(3))
                    .pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(() -> tally().duplicates().isEmpty());
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    Tally tally() {
        int emailed = 0;
        int sms = 0;
        int timeline = 0;
        List<String> duplicates = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        List<String> withTheCatcher = new ArrayList<>();
        List<String> resent = new ArrayList<>();
        for (Opened issue : created) {
            Count count = count(issue);
            emailed += count.emails();
            sms += count.sms();
            timeline += count.timeline();
            String line = issue.number() + " " + issue.issueId() + " (" + issue.customer().channel() + " "
                    + issue.customer().address() + "): told " + count.told() + ", timeline " + count.timeline();
            if (count.resent() > 0) {
                resent.add(line + ", resent " + count.resent());
            }
            if (count.told() > 1 || count.timeline() > 1) {
                duplicates.add(line);
            } else if (count.told() == 0 && sentWhileTheCatcherDied(issue)) {
                withTheCatcher.add(line);
            } else if (count.told() == 0 || count.timeline() == 0) {
                lost.add(line + "; " + notifications(issue));
            }
        }
        return new Tally(created.size(), emailed, sms, timeline, duplicates, lost, withTheCatcher, resent);
    }

    /** notification-service's own account of the issue's messages, for a report. */
    String notifications(Opened issue) {
        try {
            List<String> states = new ArrayList<>();
            for (JsonNode n : Anchor.items(Anchor.expect(anchor.notifications(agent)
                    .queryParam("issueId", issue.issueId()).get("/notifications"), 200, "notifications"))) {
                states.add(n.at("/trigger/type").asText() + " " + n.path("channel").asText() + " "
                        + n.path("status").asText() + (n.hasNonNull("reason") ? " (" + n.path("reason").asText() + ")" : "")
                        + " attempts " + n.path("attempts").asText() + " sentAt " + n.path("sentAt").asText(null));
            }
            return "notifications " + states;
        } catch (RuntimeException e) {
            return "notifications unknown: " + e.getMessage();
        }
    }

    /**
     * An email notification-service sent (GreenMail answered 250) after its mailbox was harvested and before GreenMail
     * was killed: the catcher lost it with its memory — a real SMTP server has it on disk before it answers.
     */
    private boolean sentWhileTheCatcherDied(Opened issue) {
        if (harvestStarted == null || catcherGone == null || !issue.customer().channel().equals("email")) {
            return false;
        }
        for (JsonNode n : Anchor.items(Anchor.expect(anchor.notifications(agent).queryParam("issueId", issue.issueId())
                .get("/notifications"), 200, "notifications"))) {
            if (n.hasNonNull("sentAt")) {
                Instant sent = OffsetDateTime.parse(n.path("sentAt").asText()).toInstant();
                if (!sent.isBefore(harvestStarted.minusSeconds(1)) && !sent.isAfter(catcherGone.plusSeconds(1))) {
                    return true;
                }
            }
        }
        return false;
    }
}
