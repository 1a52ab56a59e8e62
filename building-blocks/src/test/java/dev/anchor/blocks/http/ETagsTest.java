package dev.anchor.blocks.http;

import dev.anchor.blocks.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ETagsTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", "*", " \"3\", \"7\" ", ""})
    void acceptsMatchingOrAbsentPreconditions(String ifMatch) {
        assertDoesNotThrow(() -> ETags.checkIfMatch(ifMatch, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"6\"", "W/\"7\"", "7", "\"8\", \"9\""})
    void refusesStaleOrWeakPreconditionsWith412(String ifMatch) {
        ProblemException e = assertThrows(ProblemException.class, () -> ETags.checkIfMatch(ifMatch, 7));
        assertEquals(412, e.problem().status());
    }
}
