package dev.anchor.notification.sending;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email over SMTP with Quarkus Mailer: a plain-text and an HTML part. */
@ApplicationScoped
public class EmailSender {

    private static final Pattern SMTP_CODE = Pattern.compile("\\b([45])(\\d\\d)\\b");
    private final Mailer mailer;

    public EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    public void send(String to, String subject, String text, String html, String reference) throws SendFailure {
        try {
            mailer.send(Mail.withText(to, subject, text).setHtml(html).addHeader("X-Anchor-Notification", reference));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            Matcher code = SMTP_CODE.matcher(message);
            if (code.find() && "5".equals(code.group(1))) {
                String reply = code.group(1) + code.group(2);
                boolean mailbox = reply.equals("550") || reply.equals("551") || reply.equals("553");
                throw SendFailure.permanent("SMTP " + reply + ": " + shorten(message), mailbox);
            }
            throw SendFailure.transientFailure("SMTP: " + shorten(message));
        }
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }
}
