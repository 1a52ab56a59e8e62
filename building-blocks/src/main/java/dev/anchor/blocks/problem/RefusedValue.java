package dev.anchor.blocks.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A well-formed JSON value the service refuses (a NUL character, a year out of range); its message says why. */
public class RefusedValue extends InvalidFormatException {

    public RefusedValue(JsonParser parser, String why, Class<?> type) {
        super(parser, why, null, type);
    }
}
