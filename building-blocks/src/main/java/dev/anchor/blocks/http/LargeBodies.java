package dev.anchor.blocks.http;

/**
 * A route of a service that takes bodies above the shared limit ({@code anchor.http.max-body-size}, 64 KiB) — an upload
 * form — and how large. A service declares it as a bean; every other route keeps the shared limit.
 */
public interface LargeBodies {

    /** The most bytes a body of {@code method} to {@code path} may have, or a negative number for the shared limit. */
    long maxBytes(String method, String path);
}
