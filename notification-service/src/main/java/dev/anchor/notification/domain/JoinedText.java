package dev.anchor.notification.domain;

import java.util.List;

/**
 * The text of a message from its parts, in segment order: parts that follow each other are one text, as the phone
 * split it; where parts never came, a gap marker, so the customer's words that did arrive are not lost.
 */
final class JoinedText {

    static final String GAP = "…";

    private JoinedText() {
    }

    /** The parts (in segment order, each once) of a message of {@code total} parts, as one text of at most 1600. */
    static String of(List<SmsParts.Part> parts, int total) {
        StringBuilder text = new StringBuilder();
        int next = 1;
        for (SmsParts.Part part : parts) {
            if (part.segment() > next) {
                text.append(text.isEmpty() ? GAP + " " : " " + GAP + " ");
            }
            text.append(part.text());
            next = part.segment() + 1;
        }
        if (next <= total) {
            text.append(text.isEmpty() ? GAP : " " + GAP);
        }
        return shortened(text.toString());
    }

    /** The webhook's longest text: a longer joined message loses its end (marked), never the whole of it. */
    private static String shortened(String text) {
        if (text.codePointCount(0, text.length()) <= InboundSms.LONGEST_TEXT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, InboundSms.LONGEST_TEXT - 1)) + GAP;
    }
}
