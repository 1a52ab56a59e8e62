package dev.anchor.notification.domain;

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
}
