package dev.anchor.notification;

import dev.anchor.blocks.testing.TestJwt;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything the service talks to in tests besides PostgreSQL and Kafka: JWT keys, a real SMTP server (GreenMail)
 * and an HTTP SMS provider (WireMock), each on a free port.
 */
public class TestEnvironment extends TestJwt {

    private final MailServer mail = new MailServer();
    private final SmsProvider sms = new SmsProvider();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.putAll(mail.start());
        config.putAll(sms.start());
        return config;
    }

    @Override
    public void stop() {
        mail.stop();
        sms.stop();
        super.stop();
    }
}
