package dev.anchor.notification.sending;

import dev.anchor.notification.domain.SmsSegments;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * SMS over SMPP 3.4 (jsmpp): binds as a transmitter on first use and keeps the session; a broken session is dropped
 * and bound again on the next message. GSM-7 text goes as data_coding 0 (unpacked septets), anything else as UCS-2
 * (data_coding 8); texts longer than one short_message go in the message_payload parameter.
 */
@ApplicationScoped
public class SmppSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(SmppSmsSender.class);
    /** ESME_RINVMSGLEN, ESME_RINVSRCADR, ESME_RINVDSTADR: the message or number itself is wrong. */
    private static final Set<Integer> PERMANENT = Set.of(0x01, 0x0A, 0x0B);

    private final Optional<String> host;
    private final int port;
    private final String systemId;
    private final String password;
    private final long timeoutMillis;
    private SMPPSession session;

    public SmppSmsSender(@ConfigProperty(name = "anchor.sms.smpp.host") Optional<String> host,
                         @ConfigProperty(name = "anchor.sms.smpp.port", defaultValue = "2775") int port,
                         @ConfigProperty(name = "anchor.sms.smpp.system-id", defaultValue = "anchor") String systemId,
                         @ConfigProperty(name = "anchor.sms.smpp.password") Optional<String> password,
                         @ConfigProperty(name = "anchor.sms.smpp.timeout-millis", defaultValue = "5000") long timeoutMillis) {
        this.host = host;
        this.port = port;
        this.systemId = systemId;
        // No default outside dev and test: the prod profile refuses to start with a host and no password.
        this.password = password.orElse("");
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public String name() {
        return "smpp";
    }

    @Override
    public synchronized String send(Sms sms) throws SendFailure {
        if (host.isEmpty()) {
            throw SendFailure.transientFailure("SMPP is not configured (anchor.sms.smpp.host)");
        }
        boolean gsm = SmsSegments.isGsm(sms.text());
        byte[] body = gsm ? SmsSegments.gsmEncode(sms.text()) : sms.text().getBytes(StandardCharsets.UTF_16BE);
        GeneralDataCoding coding = new GeneralDataCoding(gsm ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2);
        boolean payload = body.length > 254;
        try {
            SMPPSession bound = session();
            SubmitSmResult result = bound.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                    sms.from(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, sms.to().replaceFirst("^\\+", ""),
                    new ESMClass(), (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                    (byte) 0, coding, (byte) 0, payload ? new byte[0] : body,
                    payload ? new OptionalParameter[]{new OptionalParameter.Message_payload(body)} : new OptionalParameter[0]);
            return result.getMessageId();
        } catch (NegativeResponseException e) {
            String detail = String.format("SMSC refused the message (command status 0x%02X)", e.getCommandStatus());
            if (PERMANENT.contains(e.getCommandStatus())) {
                throw SendFailure.permanent(detail, e.getCommandStatus() == 0x0B);
            }
            throw SendFailure.transientFailure(detail);
        } catch (Exception e) {
            close();
            throw SendFailure.transientFailure("SMSC unreachable or not answering: " + e.getClass().getSimpleName());
        }
    }

    private SMPPSession session() throws java.io.IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        close();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(timeoutMillis);
        fresh.connectAndBind(host.get(), port, BindType.BIND_TX, systemId, password, "anchor", TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN, null, timeoutMillis);
        LOG.infof("Bound to SMSC %s:%d as %s", host.get(), port, systemId);
        session = fresh;
        return fresh;
    }

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
