package dev.anchor.notification.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts SMS segments as networks do: GSM 03.38 (7-bit, extension characters count twice) when every character is
 * in the GSM alphabet — 160 in one segment, 153 per segment when concatenated; otherwise UCS-2 (UTF-16 code units)
 * — 70 in one, 67 per segment.
 */
public final class SmsSegments {

    public static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    public static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    /** The GSM 03.38 default alphabet in code order (0x1B, the escape to the extension table, as a placeholder). */
    private static final String GSM_TABLE = GSM_BASIC.substring(0, 27) + '\u001B' + GSM_BASIC.substring(27);
    private static final String GSM_EXTENSION_CODES = "\u0014\u0028\u0029\u002F\u003C\u003D\u003E\u0040\u0065\n";

    public enum Encoding { GSM7, UCS2 }

    /** GSM text as unpacked septets (one byte each, extension characters as ESC + code), as SMPP data_coding 0 carries it. */
    public static byte[] gsmEncode(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int ext = GSM_EXTENSION.indexOf(c);
            if (ext >= 0) {
                out.write(0x1B);
                out.write(GSM_EXTENSION_CODES.charAt(ext));
            } else {
                int code = GSM_TABLE.indexOf(c);
                out.write(code >= 0 ? code : GSM_TABLE.indexOf('?'));
            }
        }
        return out.toByteArray();
    }

    public static String gsmDecode(byte[] septets) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < septets.length; i++) {
            int code = septets[i] & 0x7F;
            if (code == 0x1B && i + 1 < septets.length) {
                int ext = GSM_EXTENSION_CODES.indexOf((char) (septets[++i] & 0x7F));
                b.append(ext >= 0 ? GSM_EXTENSION.charAt(ext) : ' ');
            } else {
                b.append(GSM_TABLE.charAt(code));
            }
        }
        return b.toString();
    }

    public record Count(Encoding encoding, int units, int segments) {
    }

    private SmsSegments() {
    }

    public static boolean isGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    public static Count count(String text) {
        if (isGsm(text)) {
            int septets = 0;
            for (int i = 0; i < text.length(); i++) {
                septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            }
            return new Count(Encoding.GSM7, septets, septets <= 160 ? 1 : (septets + 152) / 153);
        }
        int units = text.length();
        return new Count(Encoding.UCS2, units, units <= 70 ? 1 : (units + 66) / 67);
    }

    /**
     * {@code body} shortened (with "...") until {@code body + tail} fits in {@code maxSegments}; the tail (the status
     * link) is never cut.
     */
    public static String fit(String body, String tail, int maxSegments) {
        String text = body + tail;
        if (count(text).segments() <= maxSegments) {
            return text;
        }
        int[] cps = body.codePoints().toArray();
        for (int keep = cps.length - 1; keep > 0; keep--) {
            String candidate = new String(cps, 0, keep).stripTrailing() + "..." + tail;
            if (count(candidate).segments() <= maxSegments) {
                return candidate;
            }
        }
        return tail.strip();
    }

    /** The ranks of an SMS's pieces: the lowest goes first when the text does not fit. */
    public static final int GREETING = 0;
    public static final int NOTE = 1;
    public static final int DETAIL = 2;
    public static final int OLDER = 3;
    public static final int TRIMMABLE = 4;
    public static final int LINK = 5;
    public static final int CORE = 6;
    /** A free text is shortened (at a word) rather than dropped only while this much of it is left. */
    private static final int SHORTEST_TRIM = 24;

    /**
     * One piece of an SMS, a sentence or more, with its rank; a {@code trimmable} piece (free text such as a comment)
     * may be shortened at a word, with "...", rather than left out.
     */
    public record Piece(int rank, String text, boolean trimmable) {

        /**
         * {@code "g|Hello Ada,"}: g greeting, n a note (an aside), d detail, o older or less important, t free text
         * that may be shortened, c core.
         */
        public static Piece of(String tagged) {
            if (tagged.length() > 1 && tagged.charAt(1) == '|') {
                String text = tagged.substring(2).strip();
                return switch (tagged.charAt(0)) {
                    case 'g' -> new Piece(GREETING, text, false);
                    case 'n' -> new Piece(NOTE, text, false);
                    case 'd' -> new Piece(DETAIL, text, false);
                    case 'o' -> new Piece(OLDER, text, false);
                    case 't' -> new Piece(TRIMMABLE, text, true);
                    case 'c' -> new Piece(CORE, text, false);
                    default -> new Piece(CORE, tagged.strip(), false);
                };
            }
            return new Piece(CORE, tagged.strip(), false);
        }
    }

    /**
     * The SMS made of {@code pieces} (in order) and {@code link} that fits {@code maxSegments}: whole pieces are left
     * out, least important first — the greeting, asides, then details, then older news, then free text is shortened
     * (at a sentence's end where it can, else at a word, or left out), and only then the link; what matters most (where and when, what happened) is never cut while
     * anything else can go. Only when the core alone does not fit is it cut, at a word.
     */
    public static String compose(List<Piece> pieces, String link, int maxSegments) {
        List<Piece> kept = new ArrayList<>(pieces.stream().filter(p -> !p.text().isBlank()).toList());
        String tail = link == null ? "" : link.strip();
        if (fits(join(kept, tail), maxSegments)) {
            return join(kept, tail);
        }
        for (int rank = GREETING; rank < LINK; rank++) {
            for (int i = kept.size() - 1; i >= 0; i--) {
                if (kept.get(i).rank() != rank) {
                    continue;
                }
                Piece piece = kept.get(i);
                if (piece.trimmable()) {
                    Piece shortened = shorten(kept, i, tail, maxSegments);
                    if (shortened != null) {
                        kept.set(i, shortened);
                        return join(kept, tail);
                    }
                }
                kept.remove(i);
                if (fits(join(kept, tail), maxSegments)) {
                    return join(kept, tail);
                }
            }
        }
        if (fits(join(kept, ""), maxSegments)) {
            return join(kept, "");
        }
        // the core alone is too long (a very long free text): cut at a word, never inside one
        String all = join(kept, "");
        String[] words = all.split(" ");
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            String next = (b.isEmpty() ? w : b + " " + w);
            if (!fits(next + "...", maxSegments)) {
                break;
            }
            b.setLength(0);
            b.append(next);
        }
        return b.isEmpty() ? "" : b + "...";
    }

    /** {@code kept[i]} shortened at a word so that everything fits, or null when too little of it would be left. */
    private static Piece shorten(List<Piece> kept, int i, String tail, int maxSegments) {
        Piece piece = kept.get(i);
        String[] words = piece.text().split(" ");
        String best = null;
        String bestSentence = null;
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            b.append(b.isEmpty() ? "" : " ").append(w);
            boolean sentenceEnd = w.matches(".*[.!?]$");
            String candidate = sentenceEnd ? b + " ..." : b.toString().replaceAll("[,;:.!?]+$", "") + "...";
            List<Piece> trial = new ArrayList<>(kept);
            trial.set(i, new Piece(piece.rank(), candidate, true));
            if (!fits(join(trial, tail), maxSegments)) {
                break;
            }
            best = candidate;
            if (sentenceEnd) {
                bestSentence = candidate;
            }
        }
        // whole sentences where that keeps enough, else as many words as fit
        if (bestSentence != null && bestSentence.length() >= SHORTEST_TRIM) {
            return new Piece(piece.rank(), bestSentence, true);
        }
        return best == null || best.length() < SHORTEST_TRIM ? null : new Piece(piece.rank(), best, true);
    }

    private static boolean fits(String text, int maxSegments) {
        return count(text).segments() <= maxSegments;
    }

    private static String join(List<Piece> pieces, String tail) {
        StringBuilder b = new StringBuilder();
        boolean afterGreeting = false;
        for (Piece p : pieces) {
            // "Hello Ada," on a line of its own, as a letter starts
            b.append(b.isEmpty() ? "" : afterGreeting ? "\n" : " ").append(p.text());
            afterGreeting = p.rank() == GREETING;
        }
        if (!tail.isEmpty()) {
            b.append(b.isEmpty() ? "" : " ").append(tail);
        }
        return b.toString();
    }
}
