package dev.anchor.blocks.http;

import dev.anchor.blocks.problem.ProblemException;
import dev.anchor.blocks.refusal.StaleVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** If-Match decides the same whether api checks it (ETags.checkIfMatch) or the domain does (ExpectedVersion). */
class IfMatchTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"\"7\"", "*", " * ", " \"3\", \"7\" ", "", "  "})
    void acceptsMatchingOrAbsentPreconditions(String ifMatch) {
        assertDoesNotThrow(() -> ETags.checkIfMatch(ifMatch, 7));
        assertDoesNotThrow(() -> ETags.expected(ifMatch).check(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"6\"", "W/\"7\"", "7", "\"8\", \"9\"", "\"07\"", "\"-7\"", "\"+7\"", "\"7",
            "\"99999999999999999999\"", "\"7\"x"})
    void refusesStaleOrWeakPreconditions(String ifMatch) {
        assertThrows(ProblemException.class, () -> ETags.checkIfMatch(ifMatch, 7));
        StaleVersion stale = assertThrows(StaleVersion.class, () -> ETags.expected(ifMatch).check(7));
        assertEquals(7, stale.currentVersion());
    }
}
