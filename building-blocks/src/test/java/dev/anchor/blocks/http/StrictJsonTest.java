package dev.anchor.blocks.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What strict JSON refuses, read by a mapper customised as every service's is; and what it still reads. */
class StrictJsonTest {

    enum Channel { phone, email }

    record Sample(Integer count, UUID id, OffsetDateTime at, Channel channel, String text) {
    }

    private static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void readsWhatIsWrittenAsTheContractSays() throws Exception {
        UUID id = UUID.randomUUID();
        Sample sample = MAPPER.readValue("""
                {"count": 3, "id": "%s", "at": "2026-12-02T10:00:00Z", "channel": "phone", "text": ""}""".formatted(id),
                Sample.class);
        assertEquals(new Sample(3, id, OffsetDateTime.parse("2026-12-02T10:00:00Z"), Channel.phone, ""), sample);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"count\": 1.5}", "{\"count\": 1e2}", "{\"count\": \"3\"}",
            "{\"id\": \"\"}", "{\"id\": \"   \"}",
            "{\"at\": 1796200000}", "{\"at\": 1796200000.5}", "{\"at\": \"+300000-01-01T00:00:00Z\"}",
            "{\"channel\": \"phone \"}", "{\"channel\": \" phone\"}", "{\"channel\": 0}",
            "{\"text\": 42}", "{\"text\": \"a\\u0000b\"}",
            "{\"count\": 1, \"count\": 2}", "{\"count\": 1} {}"})
    void refuses(String json) {
        assertThrows(JacksonException.class, () -> MAPPER.readValue(json, Sample.class), json);
    }
}
