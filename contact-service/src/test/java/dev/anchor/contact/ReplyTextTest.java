package dev.anchor.contact;

import dev.anchor.contact.domain.ReplyText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reply email becomes the customer's own words: no quoted history, no signature, no markup. */
class ReplyTextTest {

    private static final String GMAIL_PLAIN = """
            Hello,\r
            \r
            the technician did not come on Tuesday & nobody called.  \r
            \r
            Ada\r
            \r
            On Wed, 2 Dec 2026 at 10:14, Anchor <care@anchor.local>\r
            wrote:\r
            \r
            > Your appointment is confirmed for Tuesday.\r
            >\r
            """;
    private static final String GMAIL_HTML = """
            <div dir="ltr">Hello,<div><br></div><div>the technician did not come on Tuesday &amp; nobody called.</div>
            <div><br></div><div>Ada</div></div><br><div class="gmail_quote gmail_quote_container">
            <div dir="ltr" class="gmail_attr">On Wed, 2 Dec 2026 at 10:14, Anchor &lt;<a href="mailto:care@anchor.local">
            care@anchor.local</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">
            Your appointment is confirmed for Tuesday.</blockquote></div>
            """;

    @Test
    void aGmailReplyKeepsOnlyTheNewText() {
        String expected = "Hello,\n\nthe technician did not come on Tuesday & nobody called.\n\nAda";
        assertEquals(expected, ReplyText.of(GMAIL_PLAIN, GMAIL_HTML));
        assertEquals(expected, ReplyText.of(null, GMAIL_HTML));
        assertEquals(expected, ReplyText.of(" \r\n ", GMAIL_HTML), "a blank plain part is no text");
    }

    @Test
    void theOriginalKeepsTheQuotes() {
        assertEquals("""
                Hello,

                the technician did not come on Tuesday & nobody called.

                Ada

                On Wed, 2 Dec 2026 at 10:14, Anchor <care@anchor.local>
                wrote:

                > Your appointment is confirmed for Tuesday.
                >""", ReplyText.original(GMAIL_PLAIN, GMAIL_HTML));
        assertEquals("""
                Hello,

                the technician did not come on Tuesday & nobody called.

                Ada

                On Wed, 2 Dec 2026 at 10:14, Anchor < care@anchor.local> wrote:
                Your appointment is confirmed for Tuesday.""", ReplyText.original(null, GMAIL_HTML));
    }

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of("Outlook", """
                        Yes, Thursday works for me.

                        Kind regards
                        Ada Lovelace

                        ________________________________
                        From: Anchor <care@anchor.local>
                        Sent: Wednesday, December 2, 2026 10:14 AM
                        To: Ada Lovelace <ada@example.org>
                        Subject: Your appointment K7-4QX9

                        Your appointment is confirmed.
                        """, "Yes, Thursday works for me.\n\nKind regards\nAda Lovelace"),
                Arguments.of("Outlook in German", """
                        Donnerstag passt.

                        Von: Anchor <care@anchor.local>
                        Gesendet: Mittwoch, 2. Dezember 2026 10:14
                        An: Ada Lovelace
                        Betreff: Ihr Termin
                        """, "Donnerstag passt."),
                Arguments.of("Outlook in French", """
                        Jeudi me convient.

                        De : Anchor <care@anchor.local>
                        Envoyé : mercredi 2 décembre 2026 10:14
                        À : Ada Lovelace
                        """, "Jeudi me convient."),
                Arguments.of("Apple Mail", """
                        Thank you, that was quick.

                        > On 2 Dec 2026, at 10:14, Anchor <care@anchor.local> wrote:
                        >
                        > Your appointment is confirmed.
                        """, "Thank you, that was quick."),
                Arguments.of("Apple Mail, attribution unquoted", """
                        Thank you, that was quick.

                        On 2 Dec 2026, at 10:14, Anchor <care@anchor.local> wrote:

                        Your appointment is confirmed.
                        """, "Thank you, that was quick."),
                Arguments.of("German", """
                        Danke, das passt.

                        Am 02.12.2026 um 10:14 schrieb Anchor:
                        > Ihr Termin ist bestätigt.
                        """, "Danke, das passt."),
                Arguments.of("German Gmail", """
                        Danke!

                        Am Mi., 2. Dez. 2026 um 10:14 Uhr schrieb Anchor <care@anchor.local>:
                        """, "Danke!"),
                Arguments.of("French with a no-break space", """
                        Merci, c'est parfait.

                        Le mer. 2 déc. 2026 à 10:14, Anchor <care@anchor.local> a écrit\u00A0:
                        > Votre rendez-vous est confirmé.
                        """, "Merci, c'est parfait."),
                Arguments.of("French",
                        "Merci.\n\nLe mer. 2 déc. 2026 à 10:14, Anchor <care@anchor.local> a écrit :\n\nBonjour", "Merci."),
                Arguments.of("Original Message", """
                        Please call me back.
                        -----Original Message-----
                        From: Anchor
                        Your appointment is confirmed.
                        """, "Please call me back."),
                Arguments.of("Ursprüngliche Nachricht",
                        "Bitte rufen Sie an.\n-----Ursprüngliche Nachricht-----\nIhr Termin", "Bitte rufen Sie an."),
                Arguments.of("Message d'origine", "Rappelez-moi.\n-------- Message d'origine --------\nDe : Anchor",
                        "Rappelez-moi."),
                Arguments.of("interleaved quotes", """
                        > Which day suits you?
                        Thursday.
                        > Morning or afternoon?
                        Morning, please.
                        """, "Thursday.\nMorning, please."),
                Arguments.of("a signature", """
                        The fridge is still loud.

                        --\u0020
                        Ada Lovelace
                        +44 20 7946 0000
                        """, "The fridge is still loud."),
                Arguments.of("an iPhone footer", """
                        Ok, see you then

                        Sent from my iPhone

                        > On 2 Dec 2026, at 10:14, Anchor <care@anchor.local> wrote:
                        """, "Ok, see you then"),
                Arguments.of("a German iPhone footer", "Passt.\n\nVon meinem iPhone gesendet", "Passt."),
                Arguments.of("a French iPhone footer", "D'accord.\n\nEnvoyé de mon iPhone", "D'accord."),
                Arguments.of("a Samsung footer", "Fine.\n\nSent from my Samsung Galaxy smartphone.", "Fine."),
                Arguments.of("an Outlook mobile footer", "Fine.\n\nGet Outlook for Android", "Fine."),
                Arguments.of("a footer that is not the last line", "Sent from my iPhone\nbut it is broken",
                        "Sent from my iPhone\nbut it is broken"),
                Arguments.of("words that only look like an attribution", "On the form I wrote:\nK7-4QX9 twice",
                        "On the form I wrote:\nK7-4QX9 twice"),
                Arguments.of("a sentence before a wrapped attribution", """
                        On 3 Dec I am at home.
                        On Wed, 2 Dec 2026 at 10:14, Anchor <care@anchor.local> wrote:
                        > Hello
                        """, "On 3 Dec I am at home."),
                Arguments.of("many blank lines", "One\n\n\n\n\nTwo\n\n\nThree\n\nFour", "One\n\nTwo\n\nThree\n\nFour"),
                Arguments.of("NUL and control characters", "Hel\u0000lo\u0007\tthere\u001B\nbye\u0000",
                        "Hello\tthere\nbye"),
                Arguments.of("only quotes", "> Your appointment is confirmed.\n>\n", ""),
                Arguments.of("only a signature", "-- \nAda", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void keepsTheCustomersOwnWords(String name, String plainText, String expected) {
        assertEquals(expected, ReplyText.of(plainText, null));
    }

    @Test
    void anOutlookHtmlReplyDropsItsQuotedHeaderBlock() {
        String html = """
                <html><head><meta charset="utf-8"><style>p {margin:0}</style></head><body>
                <div>Yes, Thursday works.</div>
                <div id="appendonsend"></div><hr style="display:inline-block;width:98%">
                <div id="divRplyFwdMsg"><b>From:</b> Anchor &lt;care@anchor.local&gt;<br><b>Sent:</b> Wednesday</div>
                <div>Your appointment is confirmed.</div></body></html>""";
        assertEquals("Yes, Thursday works.", ReplyText.of("", html));
        String desktop = """
                <p class=MsoNormal>Yes, Thursday works.<o:p></o:p></p><p class=MsoNormal>&nbsp;</p>
                <p class=MsoNormal>Ada<o:p></o:p></p>
                <div style='border:none;border-top:solid #E1E1E1 1.0pt'><p class=MsoNormal><b>From:</b> Anchor
                &lt;care@anchor.local&gt;<br><b>Sent:</b> Wednesday, December 2, 2026 10:14 AM<br><b>To:</b> Ada</p></div>
                <p class=MsoNormal>Your appointment is confirmed.</p>""";
        assertEquals("Yes, Thursday works.\n\nAda", ReplyText.of(null, desktop));
    }

    @Test
    void anHtmlOnlyReplyBecomesSafePlainText() {
        String html = """
                <!DOCTYPE html><html><head><title>Re: K7-4QX9</title></head><body>
                <!-- a comment <b>nobody</b> sees -->
                <script type="text/javascript">alert("stolen cookie")</script>
                <SCRIPT>document.write('again')</SCRIPT >
                <p>Tom &amp; Jerry said 5 &lt; 7 &gt; 3, &quot;quoted&quot; &#39;single&#39; &apos;apos&apos;</p>
                <p>Caf&#233; &#x2603; &eacute;t&eacute; &copy; &amp;lt;b&amp;gt; &#xD800; &#99999999;</p>
                <ul><li>one</li><li>two</li></ul>
                <h2>Heading</h2>after<hr>rule<br/>line
                <table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>
                <img alt="x > y" src="cid:1"><a href="https://example.org">a link</a>
                <blockquote type="cite">quoted <blockquote>deeper</blockquote> still quoted</blockquote>
                <p>The end&nbsp;&nbsp;</p>
                </body></html>""";
        assertEquals("""
                Tom & Jerry said 5 < 7 > 3, "quoted" 'single' 'apos'
                Café ☃ été &copy; &lt;b&gt; &#xD800; &#99999999;
                one
                two
                Heading
                after
                rule
                line
                a b
                c
                a link
                The end""", ReplyText.of(null, html));
    }

    @Test
    void noScriptTextSurvivesBrokenOrHiddenTags() {
        String reply = ReplyText.of(null, """
                Hi<scr\u0000ipt>alert(1)</script> there<style>body{}</style>
                <script src="x.js">never closed alert(2)""");
        assertEquals("Hi there", reply);
        assertEquals("Hi", ReplyText.of(null, "Hi<scr<script>ipt>alert(3)</script>"));
        assertEquals("Hi", ReplyText.of(null, "Hi<div title=\"unclosed>alert(4)"));
        assertEquals("", ReplyText.of(null, "<script>alert(5)</script><style>x</style>"));
    }

    @Test
    void nothingLeftIsEmpty() {
        assertEquals("", ReplyText.of(null, null));
        assertEquals("", ReplyText.of("", ""));
        assertEquals("", ReplyText.of("\u0000\u0000", null));
        assertEquals("", ReplyText.original(null, null));
    }

    @Test
    void aVeryLongReplyIsCutAtAWord() {
        String reply = ReplyText.of("abcdef ".repeat(1000), null);
        assertEquals("abcdef ".repeat(284) + "abcdef…", reply, "the word cut at 2000 is left out whole");
        assertEquals(1995, reply.length());
        assertEquals("word ".repeat(399) + "word…", ReplyText.of("word ".repeat(1000), null), "a word ends at 1999");
        String oneWord = "x".repeat(3000);
        assertEquals("x".repeat(1999) + "…", ReplyText.of(oneWord, null), "a word longer than half is cut hard");
        assertEquals("a".repeat(2000), ReplyText.of("a".repeat(2000), null), "exactly the limit is kept");
    }

    @Test
    void theOriginalIsCappedAtTwentyThousand() {
        String original = ReplyText.original("word ".repeat(5000) + "\n> quoted", null);
        assertTrue(original.length() <= 20_000);
        assertEquals("word ".repeat(3999) + "word…", original);
        String emoji = "\uD83D\uDE00".repeat(15_000);
        String capped = ReplyText.original(emoji, null);
        assertEquals("\uD83D\uDE00".repeat(9999) + "…", capped, "never half a character");
        assertFalse(Character.isHighSurrogate(capped.charAt(capped.length() - 2)));
    }
}
