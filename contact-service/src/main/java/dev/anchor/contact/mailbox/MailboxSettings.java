package dev.anchor.contact.mailbox;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The organisation's mailbox that customers' replies arrive in (IMAP); without a host nothing is read. */
@ConfigMapping(prefix = "anchor.mailbox")
public interface MailboxSettings {

    /** The IMAP server; empty: replies are not read. */
    Optional<String> host();

    @WithDefault("993")
    int port();

    /** IMAP over TLS (imaps); off only for a local server. */
    @WithDefault("true")
    boolean ssl();

    @WithDefault("care@anchor.local")
    String user();

    Optional<String> password();

    @WithDefault("INBOX")
    String folder();

    /** How often the mailbox is read. */
    @WithDefault("10s")
    Duration pollEvery();

    /** At most this many messages per reading, so one reading stays short. */
    @WithDefault("50")
    int batch();

    /** A file larger than this is not read beyond it: it is kept as refused (too-large), without its bytes. */
    @WithDefault("10M")
    MemorySize maxAttachmentSize();

    /** At most this many files of one message are read; the others are kept as refused (too-many). */
    @WithDefault("10")
    int maxAttachments();

    /** Connect and read timeouts. */
    @WithDefault("10s")
    Duration timeout();
}
