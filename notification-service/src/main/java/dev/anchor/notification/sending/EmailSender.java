package dev.anchor.notification.sending;

import dev.anchor.notification.domain.Deliveries;
import dev.anchor.notification.domain.Links;
import dev.anchor.notification.domain.MailSettings;
import dev.anchor.notification.domain.ReplyAddresses;
import dev.anchor.notification.domain.Template;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email over SMTP (the Vert.x mail client Quarkus Mailer configures from {@code quarkus.mailer.*}): a plain-text and an
 * HTML part, with every header set by us and none empty — a stable {@code Message-ID <notificationId@domain>} (a resend
 * after a crash is recognisably the same message), one thread per issue ({@code In-Reply-To} and {@code References}
 * {@code <issue-id@domain>}), RFC 8058 one-click unsubscribe on messages that are not critical, the sender's name in
 * the message's language, and a {@code Reply-To} that names the issue by an opaque signed token
 * ({@link ReplyAddresses}), so the customer's answer lands on it (contact-service reads that mailbox).
 * <p>
 * Quarkus' {@code Mail} always hands the client empty Cc and Bcc lists, which the client writes as an empty
 * {@code Cc:} header; building the client's message ourselves leaves absent what we do not send.
 */
@ApplicationScoped
public class EmailSender {

    private static final Pattern SMTP_CODE = Pattern.compile("\\b([45])(\\d\\d)\\b");

    private final MailClient client;
    private final MailSettings mail;
    private final Links links;
    private final ReplyAddresses replies;
    private final Clock clock;
    private final String fromAddress;
    private final Duration timeout;

    public EmailSender(MailClient client, MailSettings mail, Links links, ReplyAddresses replies, Clock clock,
                       @ConfigProperty(name = "quarkus.mailer.from", defaultValue = "care@anchor.local") String from,
                       @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "PT15S") Duration timeout) {
        this.client = client;
        this.timeout = timeout;
        this.mail = mail;
        this.links = links;
        this.replies = replies;
        this.clock = clock;
        this.fromAddress = address(from);
    }

    /** The headers of {@code attempt}'s email, none empty (what the message does not need is absent). */
    public MultiMap headers(Deliveries.Attempt attempt) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        headers.set("Message-ID", "<" + attempt.id() + "@" + mail.domain() + ">");
        if (attempt.issueId() != null) {
            String thread = "<issue-" + attempt.issueId() + "@" + mail.domain() + ">";
            headers.set("In-Reply-To", thread);
            headers.set("References", thread);
        }
        headers.set("Reply-To", replies.replyTo(attempt.issueId()));
        if (attempt.customerId() != null && attempt.category() != null
                && !Template.Category.critical.name().equals(attempt.category())) {
            headers.set("List-Unsubscribe", "<" + links.unsubscribe(attempt.customerId(), attempt.category(),
                    clock.instant()) + ">");
            headers.set("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        headers.set("X-Anchor-Notification", attempt.id().toString());
        return headers;
    }

    public void send(Deliveries.Attempt attempt) throws SendFailure {
        MailMessage message = new MailMessage()
                .setFrom(from(attempt.language()))
                .setTo(List.of(attempt.address()))
                .setSubject(attempt.subject())
                .setText(attempt.text())
                .setHtml(attempt.html())
                .setHeaders(headers(attempt));
        try {
            // a send that stalls (a connection that never answers) fails at the mailer's timeout and is retried
            client.sendMail(message).await().atMost(timeout);
        } catch (RuntimeException e) {
            String text = messages(e);
            Matcher code = SMTP_CODE.matcher(text);
            if (code.find() && "5".equals(code.group(1))) {
                String reply = code.group(1) + code.group(2);
                boolean mailbox = reply.equals("550") || reply.equals("551") || reply.equals("553");
                throw SendFailure.permanent("SMTP " + reply + ": " + shorten(text), mailbox);
            }
            throw SendFailure.transientFailure("SMTP: " + shorten(text));
        }
    }

    /** {@code "Anchor Kundenservice" <care@anchor.local>}: the address of quarkus.mailer.from, the name by language. */
    String from(String language) {
        String name = mail.fromName(language == null ? "" : language).replaceAll("[\"<>,;:\\\\@()\\[\\]]", "").strip();
        return name.isEmpty() ? fromAddress : name + " <" + fromAddress + ">";
    }

    /** The bare address of {@code Name <address>} (or of a bare address). */
    private static String address(String from) {
        Matcher angle = Pattern.compile("<([^>]+)>").matcher(from);
        return angle.find() ? angle.group(1).strip() : from.strip();
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 600; t = t.getCause()) {
            if (t.getMessage() != null && !b.toString().contains(t.getMessage())) {
                b.append(b.isEmpty() ? "" : ": ").append(t.getMessage());
            }
        }
        return b.isEmpty() ? e.getClass().getSimpleName() : b.toString();
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }
}
