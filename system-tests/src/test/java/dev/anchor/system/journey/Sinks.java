package dev.anchor.system.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/** What arrived at the suite's SMTP catcher (GreenMail) and SMS sink, as a customer would receive it. */
public final class Sinks {

    /** A status-page link: the base, {@code /status/}, and a 43-character base64url token. */
    public static final Pattern STATUS_LINK = Pattern.compile("https?://[^\\s\"'<>]+/status/[A-Za-z0-9_-]{43}");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Session SESSION = Session.getInstance(new Properties());

    private final RunningSuite suite;

    public Sinks(RunningSuite suite) {
        this.suite = suite;
    }

    public record Mail(List<String> to, String subject, String text, String html, String notificationHeader,
                       Map<String, List<String>> headers) {

        /** The first value of the header {@code name} (any case), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().getFirst()).findFirst().orElse(null);
        }

        /** The names of the headers sent with an empty value (a defect: a mail client shows them as empty fields). */
        public List<String> emptyHeaders() {
            return headers.entrySet().stream().filter(h -> h.getValue().stream().anyMatch(String::isBlank))
                    .map(Map.Entry::getKey).toList();
        }

        /** The status link in the plain-text part. */
        public String statusLink() {
            Matcher matcher = STATUS_LINK.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no status link in the mail:\n" + text);
            }
            return matcher.group();
        }
    }

    public record Sms(String id, String to, String from, String text, String reference, String receivedAt) {
    }

    /** Every mail GreenMail holds for the address, oldest first (none when it never received one). */
    /** Sends {@code text} from {@code from} to {@code to} by SMTP, as the customer's mail program would answer. */
    public void reply(String from, String to, String subject, String text) {
        email(from, to, subject, text, Map.of(), 1);
    }

    /** Sends one email (one Message-ID) {@code times} times to GreenMail's SMTP, as a mail server may deliver it. */
    public void email(String from, String to, String subject, String text, Map<String, String> headers, int times) {
        send(from, to, subject, headers, times, message -> message.setText(text, "UTF-8"));
    }

    /** Sends an email with its text and one file attached, as a customer sends a photo. */
    public void emailWithFile(String from, String to, String subject, String text, String fileName, String mediaType,
                              byte[] bytes) {
        send(from, to, subject, Map.of(), 1, message -> {
            MimeBodyPart words = new MimeBodyPart();
            words.setText(text, "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, mediaType)));
            file.setFileName(fileName);
            message.setContent(new MimeMultipart(words, file));
        });
    }

    private interface Content {
        void fill(MimeMessage message) throws MessagingException;
    }

    private void send(String from, String to, String subject, Map<String, String> headers, int times, Content content) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(suite.smtpPort()));
        Session session = Session.getInstance(properties);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            content.fill(message);
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            message.saveChanges();
            try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 0; i < times; i++) {
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }
        } catch (MessagingException e) {
            throw new AssertionError("the email could not be sent to GreenMail: " + e.getMessage(), e);
        }
    }

    public List<Mail> mails(String address) {
        Response response = Anchor.http().baseUri(suite.mailApi()).get("/api/user/{email}/messages/", address);
        if ((response.statusCode() == 400 || response.statusCode() == 404)
                && response.asString().contains("not found")) {
            return List.of(); // GreenMail knows a mailbox only once it received something
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GreenMail answered " + response.statusCode() + ": " + response.asString());
        }
        List<Mail> mails = new ArrayList<>();
        for (JsonNode message : read(response.asString())) {
            mails.add(parse(message.path("mimeMessage").asText()));
        }
        return mails;
    }

    /** Every SMS the sink received for the number, oldest first. */
    public List<Sms> sms(String number) {
        Response response = Anchor.http().baseUri(suite.smsSink()).queryParam("to", number).get("/messages");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("SMS sink answered " + response.statusCode() + ": " + response.asString());
        }
        List<Sms> messages = new ArrayList<>();
        for (JsonNode message : read(response.asString())) {
            if (!number.equals(message.path("to").asText())) {
                continue; // the filter is the sink's; keep the check ours
            }
            messages.add(new Sms(message.path("id").asText(), message.path("to").asText(), message.path("from").asText(),
                    message.path("text").asText(), message.path("reference").asText(null),
                    message.path("receivedAt").asText()));
        }
        return messages;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    static Mail parse(String raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            List<String> to = Arrays.stream(message.getAllRecipients() == null ? new jakarta.mail.Address[0]
                    : message.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()).toList();
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            String[] header = message.getHeader("X-Anchor-Notification");
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            for (var all = message.getAllHeaders(); all.hasMoreElements(); ) {
                jakarta.mail.Header h = all.nextElement();
                headers.computeIfAbsent(h.getName(), name -> new ArrayList<>()).add(h.getValue().strip());
            }
            return new Mail(to, message.getSubject(), text.toString(), html.toString(),
                    header == null ? null : header[0], headers);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("not a MIME message:\n" + raw, e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html);
            }
        }
    }

    // ---- SMS length -------------------------------------------------------------------------------

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "\f^{}\\[~]|€";

    /** Whether every character is in the GSM 03.38 alphabet (basic or extension table). */
    public static boolean gsm7(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENDED.indexOf(c) >= 0);
    }

    /** Segments the text needs: GSM-7 160 single / 153 per part (extension characters count two), else UCS-2 70 / 67. */
    public static int segments(String text) {
        if (gsm7(text)) {
            int septets = text.chars().map(c -> GSM_EXTENDED.indexOf(c) >= 0 ? 2 : 1).sum();
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
