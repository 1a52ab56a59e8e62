package dev.anchor.issue.domain;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much a customer may send with an issue ({@code anchor.attachments.*}). */
@ConfigMapping(prefix = "anchor.attachments")
public interface AttachmentSettings {

    /** The largest file the status page takes (e.g. {@code 10M}); the upload route's body limit follows from it. */
    @WithDefault("10M")
    MemorySize maxFileSize();

    /** How many files one issue may hold; a further upload is refused with a message. */
    @WithDefault("20")
    int maxPerIssue();
}
