package dev.anchor.contact.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Mail a machine wrote (out-of-office, bounce, list, report, no-reply sender): never answered, never a comment, so two
 * robots cannot mail each other forever. Plain Java, tested without a mail server.
 */
public final class AutomaticMail {

    private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");
    // no-reply, noreply, no_reply, donotreply, do-not-reply, … with any suffix
    private static final Pattern FEEDBACK = Pattern.compile(";\\s*report-type\\s*=\\s*\"?feedback-report\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_REPLY = Pattern.compile("(?:no|do-?not)[-_.]?reply.*");

    private AutomaticMail() {
    }

    /**
     * Why the message was written by a machine, as a short lower-case token stored with it; empty for a human's mail.
     * Rules are checked in a fixed order; the first that holds names the reason.
     */
    public static Optional<String> reason(Map<String, List<String>> headers, String from, String contentType) {
        Map<String, List<String>> named = byName(headers);
        String type = token(contentType);
        List<String> submitted = values(named, "Auto-Submitted").stream().map(AutomaticMail::token).toList();
        if (submitted.stream().anyMatch(v -> !v.isEmpty() && !v.equals("no"))) {
            return Optional.of("auto-submitted"); // RFC 3834: anything but "no" was sent automatically
        }
        if (values(named, "Precedence").stream().map(AutomaticMail::token).anyMatch(BULK::contains)) {
            return Optional.of("precedence");
        }
        // not X-Auto-Response-Suppress: Outlook puts that on people's ordinary mail too
        if (named.containsKey("X-Autoreply") || named.containsKey("X-Autorespond")) {
            return Optional.of("autoreply");
        }
        if (named.containsKey("List-Id") || named.containsKey("List-Unsubscribe")) {
            return Optional.of("mailing-list");
        }
        if (type.equals("multipart/report")) {
            // an abuse report (RFC 5965) is a report too, but not about delivery
            boolean feedback = FEEDBACK.matcher(contentType).find();
            return Optional.of(feedback ? "feedback-report" : "delivery-report");
        }
        if (systemSender(from)) {
            return Optional.of("system-sender");
        }
        if (values(named, "Return-Path").stream().anyMatch(v -> v.replaceAll("\\s", "").equals("<>"))) {
            return Optional.of("bounce"); // the null sender: only bounces and reports are sent from it
        }
        if (named.containsKey("Feedback-Type")) {
            return Optional.of("feedback-report");
        }
        return Optional.empty();
    }

    /** Header names are case-insensitive (RFC 5322); a name given twice in different cases keeps all values. */
    private static Map<String, List<String>> byName(Map<String, List<String>> headers) {
        Map<String, List<String>> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null) {
                    List<String> given = values == null ? List.of() : values.stream().filter(v -> v != null).toList();
                    named.merge(name.strip(), given, (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
                }
            });
        }
        return named;
    }

    private static List<String> values(Map<String, List<String>> named, String name) {
        return named.getOrDefault(name, List.of());
    }

    /** The value before any parameter or comment, lower case: "auto-replied (vacation)" is "auto-replied". */
    private static String token(String value) {
        if (value == null) {
            return "";
        }
        return value.strip().split("[\\s;(]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static boolean systemSender(String from) {
        if (from == null) {
            return false;
        }
        String address = from.strip();
        int open = address.lastIndexOf('<');
        if (open >= 0) { // "Mail Delivery System <MAILER-DAEMON@mx.example>"
            int close = address.indexOf('>', open);
            address = address.substring(open + 1, close < 0 ? address.length() : close);
        }
        int at = address.lastIndexOf('@');
        String local = (at < 0 ? address : address.substring(0, at)).replace("\"", "").strip().toLowerCase(Locale.ROOT);
        return local.equals("mailer-daemon") || local.equals("postmaster") || NO_REPLY.matcher(local).matches();
    }
}
