package dev.anchor.blocks.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.anchor.blocks.problem.RefusedValue;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Set;

/**
 * JSON is read as written, never guessed: no duplicate keys, nothing after the document, no scalars coerced between
 * strings, numbers and booleans, no fractions for integers, no empty text for ids, no dates as numbers, no spaces
 * around enum values, no NUL characters (PostgreSQL cannot store them) and no dates outside years 1–9999.
 * Each refusal names the field (see {@code Problems.unreadable}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The years PostgreSQL and every client can represent; anything else is a typo or an attack. */
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;
    private static final Set<Class<?>> DATES = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDate.class, LocalDateTime.class);

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType scalar : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Enum, LogicalType.DateTime}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // 1.5 or 1e2 is not an integer; "" or "  " is not an id (Jackson would read both as null)
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("anchor-strict-json").setDeserializerModifier(new Refusals()));
    }

    /** Wraps the standard readers of strings and dates with the checks PostgreSQL would otherwise fail on. */
    private static final class Refusals extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return type == String.class || DATES.contains(type) ? new Checked(deserializer) : deserializer;
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription description, JsonDeserializer<?> deserializer) {
            return new Checked(deserializer);
        }
    }

    private static final class Checked extends DelegatingDeserializer {
        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            boolean number = parser.currentToken() != null && parser.currentToken().isNumeric();
            Object value = super.deserialize(parser, context);
            if (value instanceof TemporalAccessor && number) {
                throw new RefusedValue(parser, "is a number, not an RFC 3339 date-time text", value.getClass());
            }
            if (value instanceof Enum<?> && !parser.getText().equals(parser.getText().strip())) {
                // Jackson would match "phone " to phone
                throw new RefusedValue(parser, "has spaces around the value", value.getClass());
            }
            if (value instanceof String text && text.indexOf('\u0000') >= 0) {
                throw new RefusedValue(parser, "contains a NUL character", String.class);
            }
            if (value instanceof TemporalAccessor time && !inRange(time)) {
                throw new RefusedValue(parser, "is outside the years " + MIN_YEAR + "–" + MAX_YEAR, value.getClass());
            }
            return value;
        }

        private static boolean inRange(TemporalAccessor time) {
            int year = time instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC).getYear()
                    : time.get(ChronoField.YEAR);
            return year >= MIN_YEAR && year <= MAX_YEAR;
        }
    }
}
