package dev.anchor.notification.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** notification-service's own configuration ({@code anchor.notification.*}). */
@ConfigMapping(prefix = "anchor.notification")
public interface Settings {

    /**
     * Changes to one issue within this window after a message about it went out are held until the window ends and
     * then told in one message (a digest); nothing is lost.
     */
    @WithDefault("PT2M")
    Duration coalesceWindow();

    /**
     * How long a message waits for its customer when the issue (or contact) event arrived before the customer's own
     * event; then it is suppressed with unknown-customer.
     */
    @WithDefault("PT10M")
    Duration awaitCustomer();

    /** Attempts per message before it may be failed (see {@link #retryFor()}). */
    @WithDefault("6")
    int maxAttempts();

    /**
     * How long transient failures are retried before a message is failed, however many attempts that took: a
     * provider outage shorter than this loses nothing (as a mail server keeps its queue for days).
     */
    @WithDefault("PT24H")
    Duration retryFor();

    /** First retry delay; doubled on every further attempt, with up to 50 % random jitter added. */
    @WithDefault("PT5S")
    Duration retryBase();

    @WithDefault("PT30M")
    Duration retryMax();

    /**
     * How long a worker holds a message it is sending before another may take it over (crash safety): four times the
     * longest a send may take (mailer timeout 15 s, SMS 5 s), so a slow send is never taken over and sent twice, and
     * a killed worker's messages go out a minute later.
     */
    @WithDefault("PT1M")
    Duration lease();

    /** Messages sent at the same time (each waits on the SMTP server or SMS provider, not on the CPU). */
    @WithDefault("4")
    int senders();

    /** How often the dispatcher looks for due messages (retries, mornings after quiet hours). */
    @WithDefault("1s")
    String workerInterval();

    /** Default channel when a customer named none. */
    @WithDefault("email")
    String defaultChannel();

    /** Quiet hours for customers who set none ("HH:mm"); empty means none. */
    @WithDefault("21:00")
    String defaultQuietStart();

    @WithDefault("08:00")
    String defaultQuietEnd();

    /** Time zone for customers who set none. */
    @WithDefault("UTC")
    String defaultTimeZone();

    /** SMS providers to try in order (failover): http, smpp. */
    @WithDefault("http")
    List<String> smsProviders();
}
