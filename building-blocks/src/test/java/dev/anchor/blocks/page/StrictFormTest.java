package dev.anchor.blocks.page;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictFormTest {

    private static byte[] bytes(String form) {
        return form.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aWellFormedFormIsReadAsWritten() {
        StrictForm form = StrictForm.read(bytes("text=Gr%C3%BC%C3%9Fe+aus+K%C3%B6ln&formToken=abc&empty=")).orElseThrow();
        assertEquals("Grüße aus Köln", form.field("text"));
        assertEquals("abc", form.field("formToken"));
        assertEquals("", form.field("empty"));
        assertTrue(form.has("empty"));
        assertEquals(null, form.field("missing"));
        assertTrue(StrictForm.read(new byte[0]).orElseThrow().only(Set.of(), 1).isPresent(), "an empty form is a form");
    }

    @Test
    void malformedEscapesInvalidUtf8AndNulMakeTheWholeFormUnreadable() {
        for (String bad : List.of("text=%", "text=%4", "text=%zz", "text=%C3%28", "text=%00", "te%ZZxt=a", "text=%E2%82")) {
            assertTrue(StrictForm.read(bytes(bad)).isEmpty(), bad);
        }
    }

    @Test
    void aFieldSentTwiceKeepsItsFirstValueButIsNotThePagesOwnForm() {
        StrictForm form = StrictForm.read(bytes("text=first&text=second")).orElseThrow();
        assertEquals("first", form.field("text"));
        assertTrue(form.only(Set.of("text"), 100).isEmpty());
        assertTrue(StrictForm.read(bytes("text=a&other=b")).orElseThrow().only(Set.of("text"), 100).isEmpty(), "a field the page has not");
        assertTrue(StrictForm.read(bytes("text=abcdef")).orElseThrow().only(Set.of("text"), 5).isEmpty(), "too long");
        assertTrue(StrictForm.read(bytes("text=abcde")).orElseThrow().only(Set.of("text"), 5).isPresent());
    }
}
