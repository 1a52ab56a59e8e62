package dev.anchor.blocks.idempotency;

import java.net.URI;
import java.util.UUID;

/** What a create produced: the new resource's id, location, version and representation. */
public record Created(UUID subject, URI location, long version, Object body) {
}
