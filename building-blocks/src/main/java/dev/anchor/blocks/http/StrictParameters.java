package dev.anchor.blocks.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Query, path, header and form values are read as strictly as JSON bodies: booleans are {@code true} or
 * {@code false}, numbers are whole numbers, dates are ISO-8601 within years 1–9999, and no value holds a NUL character. A refusal is a
 * {@link BadRequestException}, which JAX-RS passes on as 400 (any other exception would become 404 for a query).
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> type, Type genericType, Annotation[] annotations) {
        if (type == String.class) {
            return (ParamConverter<T>) converter(value -> value);
        }
        if (type == Boolean.class || type == boolean.class) {
            return (ParamConverter<T>) converter(StrictParameters::bool);
        }
        if (type == Integer.class || type == int.class) {
            return (ParamConverter<T>) converter(value -> whole(value, Integer::valueOf));
        }
        if (type == Long.class || type == long.class) {
            return (ParamConverter<T>) converter(value -> whole(value, Long::valueOf));
        }
        if (type == OffsetDateTime.class) {
            return (ParamConverter<T>) converter(value -> year(OffsetDateTime.parse(value), OffsetDateTime::getYear));
        }
        if (type == Instant.class) {
            return (ParamConverter<T>) converter(value ->
                    year(Instant.parse(value), i -> i.atOffset(ZoneOffset.UTC).getYear()));
        }
        if (type == LocalDate.class) {
            return (ParamConverter<T>) converter(value -> year(LocalDate.parse(value), LocalDate::getYear));
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                if (value.indexOf('\u0000') >= 0) {
                    throw new BadRequestException("A parameter contains a NUL character");
                }
                try {
                    return parse.apply(value);
                } catch (DateTimeParseException e) {
                    throw new BadRequestException("A date parameter is not an ISO-8601 date-time: " + printable(value));
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new BadRequestException("A yes/no parameter is true or false, not " + printable(value));
        };
    }

    private static <T> T whole(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException("A number parameter is not a whole number: " + printable(value));
        }
    }

    private static <T> T year(T value, Function<T, Integer> yearOf) {
        int year = yearOf.apply(value);
        if (year < StrictJson.MIN_YEAR || year > StrictJson.MAX_YEAR) {
            throw new BadRequestException("A date parameter is outside the years " + StrictJson.MIN_YEAR + "–"
                    + StrictJson.MAX_YEAR);
        }
        return value;
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return shown.replaceAll("[^\\p{Graph} ]", "?");
    }
}
