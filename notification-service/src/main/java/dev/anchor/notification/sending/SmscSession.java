package dev.anchor.notification.sending;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPSession;

import java.io.IOException;
import java.util.Optional;

/**
 * The one SMPP 3.4 session with the SMSC (jsmpp), bound as a transceiver: submit_sm goes out on it and deliver_sm
 * (customers' SMS and delivery receipts) comes in on it, handed to {@link SmppReceiver}. Kept bound while a host is
 * configured — checked every {@code anchor.sms.smpp.rebind-every}, so what the SMSC holds for us arrives even when
 * nothing is sent — and a broken session is dropped and bound again.
 */
@ApplicationScoped
public class SmscSession {

    private static final Logger LOG = Logger.getLogger(SmscSession.class);

    private final Optional<String> host;
    private final int port;
    private final String systemId;
    private final String password;
    private final long timeoutMillis;
    private final long enquireLinkMillis;
    private final SmppReceiver receiver;
    private SMPPSession session;

    public SmscSession(@ConfigProperty(name = "anchor.sms.smpp.host") Optional<String> host,
                       @ConfigProperty(name = "anchor.sms.smpp.port", defaultValue = "2775") int port,
                       @ConfigProperty(name = "anchor.sms.smpp.system-id", defaultValue = "anchor") String systemId,
                       @ConfigProperty(name = "anchor.sms.smpp.password") Optional<String> password,
                       @ConfigProperty(name = "anchor.sms.smpp.timeout-millis", defaultValue = "5000") long timeoutMillis,
                       @ConfigProperty(name = "anchor.sms.smpp.enquire-link-millis", defaultValue = "30000")
                       long enquireLinkMillis,
                       SmppReceiver receiver) {
        this.host = host;
        this.port = port;
        this.systemId = systemId;
        // No default outside dev and test: the prod profile refuses to start with a host and no password.
        this.password = password.orElse("");
        this.timeoutMillis = timeoutMillis;
        this.enquireLinkMillis = enquireLinkMillis;
        this.receiver = receiver;
    }

    boolean configured() {
        return host.isPresent();
    }

    /** The bound session, binding it first when there is none or it broke. */
    synchronized SMPPSession bound() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        close();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(timeoutMillis);
        fresh.setEnquireLinkTimer((int) enquireLinkMillis);
        fresh.setMessageReceiverListener(receiver);
        // a transceiver, the standard SMPP 3.4 bind for both ways: one session, and the SMSC sends MO and receipts on it
        fresh.connectAndBind(host.orElseThrow(), port, BindType.BIND_TRX, systemId, password, "anchor",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null, timeoutMillis);
        LOG.infof("Bound to SMSC %s:%d as %s (transceiver)", host.get(), port, systemId);
        session = fresh;
        return fresh;
    }

    @Scheduled(every = "${anchor.sms.smpp.rebind-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepBound() {
        if (host.isEmpty()) {
            return;
        }
        try {
            bound();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("SMSC %s:%d not bound (tried again in a moment): %s", host.get(), port, e.toString());
        }
    }

    /** Drops the session (after a failure, or on shutdown); the next use binds a new one. */
    @PreDestroy
    synchronized void close() {
        if (session != null) {
            try {
                session.unbindAndClose();
            } catch (RuntimeException e) {
                LOG.debug("Closing the SMPP session failed", e);
            }
            session = null;
        }
    }
}
