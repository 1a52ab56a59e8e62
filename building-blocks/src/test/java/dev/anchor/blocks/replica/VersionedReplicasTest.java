package dev.anchor.blocks.replica;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replica rules: newest version wins, merged and erased are final, an erasure is never undone, merges are followed. */
class VersionedReplicasTest {

    record Copy(UUID id, long replicaVersion, ReplicaStatus replicaStatus, UUID replicaMergedInto) implements VersionedReplica {
    }

    private final Map<UUID, Copy> known = new HashMap<>();

    private Copy active(long version) {
        return keep(new Copy(UUID.randomUUID(), version, ReplicaStatus.ACTIVE, null));
    }

    private Copy mergedInto(UUID survivor) {
        return keep(new Copy(UUID.randomUUID(), -1, ReplicaStatus.MERGED, survivor));
    }

    private Copy keep(Copy copy) {
        known.put(copy.id(), copy);
        return copy;
    }

    @Test
    void anUnknownReplicaAcceptsAnyVersion() {
        assertTrue(VersionedReplicas.accepts(null, 0));
        assertTrue(VersionedReplicas.accepts(null, -1));
        assertTrue(VersionedReplicas.accepts(null, 42));
    }

    @Test
    void onlyANewerVersionReplacesAnActiveReplica() {
        Copy current = active(3);
        assertTrue(VersionedReplicas.accepts(current, 4));
        assertTrue(VersionedReplicas.accepts(current, 10));
        assertFalse(VersionedReplicas.accepts(current, 3), "the same version again (a redelivery)");
        assertFalse(VersionedReplicas.accepts(current, 2), "an older version arriving late");
    }

    @ParameterizedTest
    @EnumSource(value = ReplicaStatus.class, names = {"MERGED", "ERASED"})
    void mergedAndErasedAreFinal(ReplicaStatus status) {
        Copy current = keep(new Copy(UUID.randomUUID(), 3, status, status == ReplicaStatus.MERGED ? UUID.randomUUID() : null));
        assertFalse(VersionedReplicas.accepts(current, 4));
        assertFalse(VersionedReplicas.accepts(current, Long.MAX_VALUE));
        Copy heardOfThroughAMerge = mergedInto(UUID.randomUUID());
        assertFalse(VersionedReplicas.accepts(heardOfThroughAMerge, 0), "a late registration does not revive it");
    }

    @Test
    void anErasureIsNeverUndoneByAMerge() {
        assertTrue(VersionedReplicas.canRetire(null));
        assertTrue(VersionedReplicas.canRetire(active(0)));
        assertTrue(VersionedReplicas.canRetire(mergedInto(UUID.randomUUID())), "merged again into a later survivor");
        assertFalse(VersionedReplicas.canRetire(new Copy(UUID.randomUUID(), 5, ReplicaStatus.ERASED, null)));
    }

    @Test
    void aReplicaThatWasNotMergedSpeaksForItself() {
        Copy copy = active(1);
        assertEquals(Optional.of(copy), VersionedReplicas.resolve(copy.id(), known::get));
        assertEquals(copy.id(), VersionedReplicas.currentId(copy.id(), known::get));
    }

    @Test
    void anUnknownIdResolvesToNothingAndIsItsOwnCurrentId() {
        UUID unknown = UUID.randomUUID();
        assertEquals(Optional.empty(), VersionedReplicas.resolve(unknown, known::get));
        assertEquals(unknown, VersionedReplicas.currentId(unknown, known::get));
    }

    @Test
    void aMergeIsFollowedToItsSurvivor() {
        Copy survivor = active(2);
        Copy retired = mergedInto(survivor.id());
        assertEquals(Optional.of(survivor), VersionedReplicas.resolve(retired.id(), known::get));
        assertEquals(survivor.id(), VersionedReplicas.currentId(retired.id(), known::get));
    }

    @Test
    void aChainOfMergesIsFollowedToTheLastSurvivor() {
        Copy last = active(7);
        Copy middle = mergedInto(last.id());
        Copy first = mergedInto(middle.id());
        assertEquals(Optional.of(last), VersionedReplicas.resolve(first.id(), known::get));
        assertEquals(last.id(), VersionedReplicas.currentId(first.id(), known::get));
        assertEquals(last.id(), VersionedReplicas.currentId(middle.id(), known::get));
    }

    @Test
    void anErasedSurvivorIsWhereTheChainEnds() {
        Copy erased = keep(new Copy(UUID.randomUUID(), 4, ReplicaStatus.ERASED, null));
        Copy retired = mergedInto(erased.id());
        assertEquals(Optional.of(erased), VersionedReplicas.resolve(retired.id(), known::get));
        assertEquals(erased.id(), VersionedReplicas.currentId(retired.id(), known::get));
    }

    @Test
    void aSurvivorNotKnownYetResolvesToNothingButIsTheCurrentId() {
        UUID notYetKnown = UUID.randomUUID();
        Copy middle = mergedInto(notYetKnown);
        Copy first = mergedInto(middle.id());
        assertEquals(Optional.empty(), VersionedReplicas.resolve(first.id(), known::get));
        assertEquals(notYetKnown, VersionedReplicas.currentId(first.id(), known::get),
                "kept under the survivor its merge named, ready for when it arrives");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aCycleOfMergesEndsAfterABoundedNumberOfHops(int length) {
        UUID[] ids = new UUID[length];
        for (int i = 0; i < length; i++) {
            ids[i] = UUID.randomUUID();
        }
        for (int i = 0; i < length; i++) {
            keep(new Copy(ids[i], -1, ReplicaStatus.MERGED, ids[(i + 1) % length]));
        }
        AtomicInteger lookups = new AtomicInteger();
        assertEquals(Optional.empty(), VersionedReplicas.resolve(ids[0], id -> {
            lookups.incrementAndGet();
            return known.get(id);
        }));
        assertEquals(VersionedReplicas.MAX_HOPS + 1, lookups.get());
        assertTrue(Set.of(ids).contains(VersionedReplicas.currentId(ids[0], known::get)), "an id on the cycle");
    }

    @Test
    void aChainLongerThanTheLimitIsADataError() {
        Copy end = active(1);
        UUID next = end.id();
        for (int i = 0; i < VersionedReplicas.MAX_HOPS; i++) {
            next = mergedInto(next).id();
        }
        assertEquals(Optional.of(end), VersionedReplicas.resolve(next, known::get), "exactly the limit is followed");
        UUID tooFar = mergedInto(next).id();
        assertEquals(Optional.empty(), VersionedReplicas.resolve(tooFar, known::get));
    }

    @Test
    void statusValuesAreTheContractsLowerCaseWords() {
        assertEquals("active", ReplicaStatus.ACTIVE.value());
        assertEquals(ReplicaStatus.MERGED, ReplicaStatus.of("merged"));
        assertEquals(ReplicaStatus.ERASED, ReplicaStatus.of("erased"));
        assertEquals(ReplicaStatus.ACTIVE, ReplicaStatus.of(null));
        assertFalse(ReplicaStatus.ACTIVE.isFinal());
        assertTrue(ReplicaStatus.MERGED.isFinal());
        assertTrue(ReplicaStatus.ERASED.isFinal());
        assertThrows(IllegalArgumentException.class, () -> ReplicaStatus.of("MERGED"));
    }
}
