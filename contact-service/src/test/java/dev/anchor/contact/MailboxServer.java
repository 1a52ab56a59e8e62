package dev.anchor.contact;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real mail server (GreenMail) in the test JVM, as ./suite runs one: SMTP in, IMAP out, sub-addressing
 * ({@code care-test+<token>@…} lands in {@code care-test@…}). contact-service reads its IMAP mailbox.
 */
public class MailboxServer implements QuarkusTestResourceLifecycleManager {

    /** Where tests send mail, as a customer's mail program would. */
    static int smtpPort;
    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        smtpPort = freePort();
        int imapPort = freePort();
        greenMail = new GreenMail(new ServerSetup[]{new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication().withSieveIgnoreDetail());
        greenMail.start();
        // a small file limit, so an oversized file is cheap to send
        return Map.of("anchor.mailbox.host", "127.0.0.1", "anchor.mailbox.port", String.valueOf(imapPort),
                "anchor.mailbox.ssl", "false", "anchor.mailbox.max-attachment-size", "3M");
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
