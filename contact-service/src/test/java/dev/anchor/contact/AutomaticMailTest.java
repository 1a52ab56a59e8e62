package dev.anchor.contact;

import dev.anchor.contact.domain.AutomaticMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Mail a machine wrote is recognised, with the reason stored; a person's mail never is. */
class AutomaticMailTest {

    private static final String PERSON = "Ada Lovelace <ada@example.org>";
    private static final String TEXT = "text/plain; charset=UTF-8";

    /** What Outlook puts on an ordinary mail a person writes. */
    private static Map<String, List<String>> outlook() {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("From", List.of(PERSON));
        headers.put("Subject", List.of("RE: Your appointment K7-4QX9"));
        headers.put("Return-Path", List.of("<ada@example.org>"));
        headers.put("X-Auto-Response-Suppress", List.of("All"));
        headers.put("Precedence", List.of("first-class"));
        headers.put("Auto-Submitted", List.of("no"));
        headers.put("Content-Type", List.of("multipart/alternative; boundary=\"_000_\""));
        return headers;
    }

    private static Map<String, List<String>> outlookWith(String name, String value) {
        Map<String, List<String>> headers = outlook();
        headers.put(name, List.of(value));
        return headers;
    }

    @Test
    void aPersonsMailIsNotAutomatic() {
        assertEquals(Optional.empty(), AutomaticMail.reason(outlook(), PERSON, "multipart/alternative; boundary=x"));
        assertEquals(Optional.empty(), AutomaticMail.reason(Map.of(), "ada@example.org", TEXT));
        assertEquals(Optional.empty(), AutomaticMail.reason(null, null, null));
        Map<String, List<String>> suppressing = outlookWith("X-Auto-Response-Suppress", "DR, RN, NRN, OOF, AutoReply");
        assertEquals(Optional.empty(), AutomaticMail.reason(suppressing, PERSON, TEXT),
                "Outlook suppresses replies to its own mail, that does not make it one");
    }

    static Stream<Arguments> automatic() {
        return Stream.of(
                Arguments.of("Auto-Submitted", "auto-replied", "auto-submitted"),
                Arguments.of("auto-submitted", "auto-generated", "auto-submitted"),
                Arguments.of("AUTO-SUBMITTED", "Auto-Replied (vacation)", "auto-submitted"),
                Arguments.of("Auto-Submitted", "auto-notified; owner-email=\"me@example.org\"", "auto-submitted"),
                Arguments.of("Precedence", "bulk", "precedence"),
                Arguments.of("precedence", "Junk", "precedence"),
                Arguments.of("Precedence", "list", "precedence"),
                Arguments.of("Precedence", "auto_reply", "precedence"),
                Arguments.of("X-Autoreply", "yes", "autoreply"),
                Arguments.of("x-autorespond", "", "autoreply"),
                Arguments.of("List-Id", "Owners <owners.example.org>", "mailing-list"),
                Arguments.of("LIST-UNSUBSCRIBE", "<mailto:leave@example.org>", "mailing-list"),
                Arguments.of("Return-Path", "<>", "bounce"),
                Arguments.of("return-path", " < > ", "bounce"),
                Arguments.of("Feedback-Type", "abuse", "feedback-report"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("automatic")
    void recognisesAHeader(String name, String value, String reason) {
        Map<String, List<String>> headers = outlook();
        headers.keySet().removeIf(name::equalsIgnoreCase); // the header under test replaces Outlook's, in any case
        headers.put(name, List.of(value));
        assertEquals(Optional.of(reason), AutomaticMail.reason(headers, PERSON, TEXT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "multipart/report; report-type=delivery-status; boundary=\"b\"   | delivery-report",
            "Multipart/Report; report-type=disposition-notification          | delivery-report",
            "multipart/report                                                | delivery-report",
            "multipart/report; report-type=\"feedback-report\"; boundary=x     | feedback-report",
            "multipart/mixed; boundary=x                                     | ",
            "text/html; charset=utf-8                                        | "})
    void recognisesReportsByContentType(String contentType, String reason) {
        assertEquals(Optional.ofNullable(reason), AutomaticMail.reason(outlook(), PERSON, contentType));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "MAILER-DAEMON@mx.example.org                               | system-sender",
            "Mail Delivery System <Mailer-Daemon@mx.example.org>        | system-sender",
            "postmaster@example.org                                     | system-sender",
            "Shop <no-reply@shop.example>                               | system-sender",
            "NoReply+orders@shop.example                                | system-sender",
            "do-not-reply@bank.example                                  | system-sender",
            "\"Bank\" <donotreply@bank.example>                          | system-sender",
            "mailer-daemon                                              | system-sender",
            "Norbert Reply <norbert.reply@example.org>                  | ",
            "Postmaster General <ada@example.org>                        | ",
            "reply@example.org                                          | ",
            "Ada <ada.noreply@example.org>                              | "})
    void recognisesSystemSenders(String from, String reason) {
        assertEquals(Optional.ofNullable(reason), AutomaticMail.reason(outlook(), from, TEXT));
    }

    @Test
    void headerNamesGivenTwiceInDifferentCasesKeepAllValues() {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("precedence", List.of("first-class"));
        headers.put("PRECEDENCE", List.of("bulk"));
        assertEquals(Optional.of("precedence"), AutomaticMail.reason(headers, PERSON, TEXT));
        headers.put(null, List.of("ignored"));
        headers.put("Auto-Submitted", null);
        assertEquals(Optional.of("precedence"), AutomaticMail.reason(headers, PERSON, TEXT));
    }

    @Test
    void anOutOfOfficeReplyFromExchangeIsAutoSubmitted() {
        Map<String, List<String>> headers = outlook();
        headers.put("Subject", List.of("Automatic reply: Your appointment K7-4QX9"));
        headers.put("Auto-Submitted", List.of("auto-generated"));
        headers.put("X-Auto-Response-Suppress", List.of("All"));
        assertEquals(Optional.of("auto-submitted"), AutomaticMail.reason(headers, PERSON, TEXT));
    }

    @Test
    void aBounceNamesTheFirstRuleThatHolds() {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Return-Path", List.of("<>"));
        String from = "Mail Delivery Subsystem <mailer-daemon@googlemail.com>";
        String report = "multipart/report; report-type=delivery-status";
        assertEquals(Optional.of("delivery-report"), AutomaticMail.reason(headers, from, report));
        assertEquals(Optional.of("system-sender"), AutomaticMail.reason(headers, from, TEXT));
        assertEquals(Optional.of("bounce"), AutomaticMail.reason(headers, PERSON, TEXT));
        headers.put("Auto-Submitted", List.of("auto-replied"));
        assertEquals(Optional.of("auto-submitted"), AutomaticMail.reason(headers, from, report));
    }
}
