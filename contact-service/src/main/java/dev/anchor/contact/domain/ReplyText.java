package dev.anchor.contact.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's own words in a reply email: the new text without the quoted history, the signature or a mobile
 * footer, always plain text (never markup). Plain Java, so the rules are tested without a mail server.
 */
public final class ReplyText {

    /** A reply adds the customer's words to an issue, not a whole thread. */
    public static final int MAX_REPLY = 2000;
    /** The whole message staff keep, bounded so one mail cannot fill the database. */
    public static final int MAX_ORIGINAL = 20_000;

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    // French puts a (narrow) no-break space before the colon
    private static final String SP = "[\\s\\u00A0\\u202F]";

    // an attribution carries a date or time, so a customer's "On the form I wrote:" is not one
    private static final Pattern ATTRIBUTION = Pattern.compile("(?=.*\\d)(?:On\\s.+\\swrote|Am\\s.+\\sschrieb(?:\\s.*)?"
            + "|Le\\s.+\\sa" + SP + "+écrit)" + SP + "*:", CI);
    private static final Pattern SEPARATOR = Pattern.compile(
            "-{3,}\\s*(?:Original Message|Ursprüngliche Nachricht|Message d['’]origine)\\s*-{3,}", CI);
    private static final Pattern HEADER_FROM = Pattern.compile("\\*?(?:From|Von|De)" + SP + "*:.*", CI);
    // Outlook for Mac writes Date:/Datum: where Windows writes Sent:
    private static final Pattern HEADER_SENT = Pattern.compile(
            "\\*?(?:Sent|Gesendet|Envoyé|Date|Datum)" + SP + "*:.*", CI);
    // short, so a last sentence that merely starts like a footer is kept
    private static final Pattern FOOTER = Pattern.compile("Sent from my [^.!?]{1,40}\\.?"
            + "|(?:Von meinem [^.!?]{1,40} gesendet|Gesendet von meinem [^.!?]{1,40})\\.?"
            + "|Envoyé de mon [^.!?]{1,40}\\.?|Get Outlook for (?:iOS|Android)", CI);
    // Outlook draws a line of underscores above the quoted header block
    private static final Pattern RULE = Pattern.compile("_{5,}");

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+$", Pattern.MULTILINE);

    // content nobody reads; an unclosed one runs to the end, so no script text can leak
    private static final Pattern INVISIBLE = Pattern.compile(
            "<!--.*?(?:-->|\\z)|<(script|style|head|title)\\b[^>]*+>.*?(?:</\\1\\s*>|\\z)", CI | Pattern.DOTALL);
    private static final Pattern QUOTE_MARKER = Pattern.compile("<[a-z][^>]*?\\s(?:class\\s*=\\s*[\"']?(?:[^\"'>]*\\s)?"
            + "gmail_quote|id\\s*=\\s*[\"']?(?:appendonsend|divRplyFwdMsg))(?=[\\s\"'>])", CI);
    private static final Pattern BLOCKQUOTE = Pattern.compile("<(/?)blockquote\\b[^>]*+>", CI);
    // quoted attribute values may hold '>'; an unclosed tag or quote runs to the end, as in a browser
    private static final Pattern TAG = Pattern.compile("<(?:(/?)([a-z][\\w:.-]*+)"
            + "(?:\"[^\"]*+(?:\"|\\z)|'[^']*+(?:'|\\z)|[^'\">])*+|[!?/][^>]*+)(?:>|\\z)", CI);
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
            "ul", "ol", "table", "blockquote", "pre");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Pattern HTML_SPACE = Pattern.compile("[ \\t\\r\\n\\f]+");
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));");
    // the XML five, the no-break space, and the few named ones German and French mailers still write
    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"),
            Map.entry("auml", "ä"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"), Map.entry("Auml", "Ä"),
            Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"), Map.entry("szlig", "ß"), Map.entry("eacute", "é"),
            Map.entry("egrave", "è"), Map.entry("agrave", "à"), Map.entry("ccedil", "ç"), Map.entry("ecirc", "ê"),
            Map.entry("euro", "€"), Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("hellip", "…"),
            Map.entry("rsquo", "’"), Map.entry("lsquo", "‘"), Map.entry("rdquo", "”"), Map.entry("ldquo", "“"));

    private ReplyText() {
    }

    /** The customer's own words: {@code plainText} when it has any, else {@code html} as text; "" if none are left. */
    public static String of(String plainText, String html) {
        String text = hasText(plainText) ? clean(plainText) : clean(toText(clean(html), false));
        List<String> own = ownLines(text.lines().toList());
        return cap(String.join("\n", own).replaceAll("\n{3,}", "\n\n").strip(), MAX_REPLY);
    }

    /** The whole text as received, quotes and all (staff keep it): plain text, capped. */
    public static String original(String plainText, String html) {
        String text = hasText(plainText) ? clean(plainText) : clean(toText(clean(html), true));
        return cap(text.strip(), MAX_ORIGINAL);
    }

    private static boolean hasText(String plainText) {
        return !clean(plainText).isBlank();
    }

    /** NFC (so "é" is one character for the patterns), LF line ends, no control characters, no trailing spaces. */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String lf = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        return TRAILING_SPACE.matcher(CONTROL.matcher(lf).replaceAll("")).replaceAll("");
    }

    /** The lines before the quoted history and the signature, without interleaved quotes and a mobile footer. */
    private static List<String> ownLines(List<String> lines) {
        List<String> own = new ArrayList<>();
        for (int i = 0; i < lines.size() && !startsHistory(lines, i) && !lines.get(i).equals("--"); i++) {
            if (!lines.get(i).strip().startsWith(">")) {
                own.add(lines.get(i));
            }
        }
        dropTrailingBlanks(own);
        if (!own.isEmpty() && FOOTER.matcher(own.getLast().strip()).matches()) {
            own.removeLast();
            dropTrailingBlanks(own);
        }
        return own;
    }

    private static boolean startsHistory(List<String> lines, int i) {
        String line = lines.get(i).strip();
        String next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
        if (ATTRIBUTION.matcher(line).matches() || SEPARATOR.matcher(line).matches()) {
            return true;
        }
        // Gmail wraps a long attribution over two lines; unless the next line is one on its own
        if (!next.isEmpty() && !ATTRIBUTION.matcher(next).matches()
                && ATTRIBUTION.matcher(line + " " + next).matches()) {
            return true;
        }
        if (HEADER_FROM.matcher(line).matches()) {
            for (int j = i + 1; j <= i + 3 && j < lines.size(); j++) {
                if (HEADER_SENT.matcher(lines.get(j).strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void dropTrailingBlanks(List<String> lines) {
        while (!lines.isEmpty() && (lines.getLast().isBlank() || RULE.matcher(lines.getLast().strip()).matches())) {
            lines.removeLast();
        }
    }

    /** HTML as the text a reader sees: block elements on their own lines, no tags, entities decoded. */
    private static String toText(String html, boolean keepQuotes) {
        String visible = INVISIBLE.matcher(html).replaceAll("");
        if (!keepQuotes) {
            visible = withoutQuotedHtml(visible);
        }
        StringBuilder text = new StringBuilder();
        Matcher tag = TAG.matcher(visible);
        int at = 0;
        while (tag.find()) {
            text.append(visibleText(visible.substring(at, tag.start())));
            String name = tag.group(2) == null ? "" : tag.group(2).toLowerCase(Locale.ROOT);
            if (name.equals("br")) {
                text.append('\n');
            } else if (BLOCKS.contains(name) && !atLineStart(text)) {
                text.append('\n'); // a block starts and ends a line, but never adds an empty one
            } else if (CELLS.contains(name) && !text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                text.append(' '); // cells of a row stay apart
            }
            at = tag.end();
        }
        text.append(visibleText(visible.substring(at)));
        // a no-break space kept Outlook's empty paragraph (<p>&nbsp;</p>) a line; from here on it is a space
        String lines = text.toString().replace('\u00A0', ' ');
        return String.join("\n", lines.lines().map(String::strip).toList()).replaceAll("\n{3,}", "\n\n");
    }

    /** Cuts at Gmail's and Outlook's quote containers and drops (nested) blockquotes: the quoted original. */
    private static String withoutQuotedHtml(String html) {
        Matcher marker = QUOTE_MARKER.matcher(html);
        String kept = marker.find() ? html.substring(0, marker.start()) : html;
        StringBuilder out = new StringBuilder();
        Matcher quote = BLOCKQUOTE.matcher(kept);
        int depth = 0;
        int at = 0;
        while (quote.find()) {
            boolean closing = !quote.group(1).isEmpty();
            if (!closing && depth++ == 0) {
                out.append(kept, at, quote.start()).append("<p>"); // the text around a quote stays apart
            } else if (closing && depth > 0 && --depth == 0) {
                at = quote.end();
            }
        }
        if (depth == 0) {
            out.append(kept, at, kept.length()); // an unclosed quote runs to the end
        }
        return out.toString();
    }

    private static boolean atLineStart(StringBuilder text) {
        int i = text.length() - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n';
    }

    private static String visibleText(String raw) {
        // source line breaks and indentation are not the reader's; entities are decoded once, so &amp;lt; stays &lt;
        return ENTITY.matcher(HTML_SPACE.matcher(raw).replaceAll(" "))
                .replaceAll(entity -> Matcher.quoteReplacement(decode(entity)));
    }

    private static String decode(MatchResult entity) {
        if (entity.group(3) != null) {
            return NAMED.getOrDefault(entity.group(3), entity.group());
        }
        int code = entity.group(1) != null ? Integer.parseInt(entity.group(1)) : Integer.parseInt(entity.group(2), 16);
        boolean character = Character.isValidCodePoint(code) && (code < 0xD800 || code > 0xDFFF);
        return character ? Character.toString(code) : entity.group();
    }

    /** At most {@code max} characters, "…" included, cut after a whole word (unless one word fills half of it). */
    static String cap(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        int cut = end;
        if (!Character.isWhitespace(text.charAt(end))) {
            int space = end - 1;
            while (space > 0 && !Character.isWhitespace(text.charAt(space))) {
                space--;
            }
            cut = space > end / 2 ? space : end;
        }
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--; // never half a character
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }
}
