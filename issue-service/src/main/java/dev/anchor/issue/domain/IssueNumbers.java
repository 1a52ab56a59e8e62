package dev.anchor.issue.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Issue numbers a customer can read out on the phone: six characters as {@code K7-4QX9}, from an alphabet without
 * look-alikes (no 0/O, 1/I/L, no U). About 729 million numbers; a collision is retried by the caller.
 */
public final class IssueNumbers {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{2}-[" + ALPHABET + "]{4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private IssueNumbers() {
    }

    public static String next() {
        StringBuilder number = new StringBuilder(7);
        for (int i = 0; i < 6; i++) {
            if (i == 2) {
                number.append('-');
            }
            number.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return number.toString();
    }

    /** The canonical form of what someone typed ({@code k74qx9}, {@code K7 4QX9}), or null when it cannot be one. */
    public static String normalise(String typed) {
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (compact.length() != 6) {
            return null;
        }
        String number = compact.substring(0, 2) + "-" + compact.substring(2);
        return SHAPE.matcher(number).matches() ? number : null;
    }
}
