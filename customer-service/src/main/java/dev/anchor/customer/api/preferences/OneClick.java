package dev.anchor.customer.api.preferences;

import jakarta.ws.rs.core.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The body of an RFC 8058 one-click unsubscribe: exactly the pair {@code List-Unsubscribe=One-Click}, sent as
 * {@code application/x-www-form-urlencoded} (what the unsubscribe page's own button sends too) or as
 * {@code multipart/form-data} with that one field (the RFC's SHOULD). Anything else is not a one-click request.
 */
final class OneClick {

    static final String FIELD = "List-Unsubscribe";
    static final String VALUE = "One-Click";

    private OneClick() {
    }

    static boolean isOneClick(byte[] body, MediaType type) {
        if (type == null || body == null) {
            return false;
        }
        if (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return PreferenceForm.read(body, Set.of(FIELD)).map(form -> VALUE.equals(form.field(FIELD))).orElse(false);
        }
        if (type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return multipart(body, type.getParameters().get("boundary"));
        }
        return false;
    }

    /** One part, {@code Content-Disposition: form-data; name="List-Unsubscribe"}, whose content is {@code One-Click}. */
    private static boolean multipart(byte[] body, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70 || body.length > PreferenceForm.MAX_BODY) {
            return false;
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int first = text.indexOf(delimiter);
        if (first < 0) {
            return false;
        }
        String rest = text.substring(first + delimiter.length());
        int next = rest.indexOf("\r\n" + delimiter);
        if (!rest.startsWith("\r\n") || next < 0) {
            return false;
        }
        String part = rest.substring(2, next);
        String after = rest.substring(next + 2 + delimiter.length());
        if (!after.startsWith("--")) {
            return false; // a second part
        }
        int headersEnd = part.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            return false;
        }
        boolean named = false;
        for (String header : part.substring(0, headersEnd).split("\r\n")) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                String value = header.substring("content-disposition:".length()).strip();
                named = value.matches("(?i)form-data\\s*;\\s*name\\s*=\\s*\"?" + FIELD + "\"?\\s*");
            }
        }
        return named && VALUE.equals(part.substring(headersEnd + 4));
    }
}
