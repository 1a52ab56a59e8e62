package dev.anchor.blocks.page;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A page's form body ({@code application/x-www-form-urlencoded}) read as written: every percent sign starts two hex
 * digits, what they encode is valid UTF-8, and no value holds a NUL character (PostgreSQL cannot store it). Anything
 * else is unreadable as a whole, so nothing half-decoded reaches the page. A field sent twice keeps its first value,
 * as JAX-RS does, unless the reader asks for {@link #only} the page's own fields.
 */
public final class StrictForm {

    private final Map<String, String> fields;
    private final boolean repeated;

    private StrictForm(Map<String, String> fields, boolean repeated) {
        this.fields = fields;
        this.repeated = repeated;
    }

    /** The fields of {@code body}, or empty when it is not a well-formed form. */
    public static Optional<StrictForm> read(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean repeated = false;
        String form = body == null ? "" : new String(body, StandardCharsets.ISO_8859_1);
        if (form.isEmpty()) {
            return Optional.of(new StrictForm(fields, false));
        }
        for (String pair : form.split("&", -1)) {
            int equals = pair.indexOf('=');
            Optional<String> name = decode(equals < 0 ? pair : pair.substring(0, equals));
            Optional<String> value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            if (name.isEmpty() || value.isEmpty()) {
                return Optional.empty();
            }
            repeated |= fields.putIfAbsent(name.get(), value.get()) != null;
        }
        return Optional.of(new StrictForm(fields, repeated));
    }

    /**
     * This form when it holds only {@code allowed} fields, each once and at most {@code maxValue} characters long —
     * what the page's own form sends; empty otherwise.
     */
    public Optional<StrictForm> only(Set<String> allowed, int maxValue) {
        boolean own = !repeated && allowed.containsAll(fields.keySet())
                && fields.values().stream().allMatch(value -> value.length() <= maxValue);
        return own ? Optional.of(this) : Optional.empty();
    }

    /** The field's value, or null when the form does not have it. */
    public String field(String name) {
        return fields.get(name);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    private static Optional<String> decode(String encoded) {
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    return Optional.empty();
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                bytes.put(c == '+' ? (byte) ' ' : (byte) c);
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip()).toString();
            return text.indexOf('\u0000') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
