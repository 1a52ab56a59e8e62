package dev.anchor.notification.sending;

import dev.anchor.notification.domain.SmsSegments;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsmpp.bean.Alphabet;
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
import java.util.Set;

/**
 * SMS over SMPP 3.4 (jsmpp), on the transceiver session {@link SmscSession} keeps; a broken session is dropped and
 * bound again on the next message. GSM-7 text goes as data_coding 0 (unpacked septets), anything else as UCS-2
 * (data_coding 8); texts longer than one short_message go in the message_payload parameter.
 */
@ApplicationScoped
public class SmppSmsSender implements SmsSender {

    /** ESME_RINVMSGLEN, ESME_RINVSRCADR, ESME_RINVDSTADR: the message or number itself is wrong. */
    private static final Set<Integer> PERMANENT = Set.of(0x01, 0x0A, 0x0B);

    private final SmscSession smsc;

    public SmppSmsSender(SmscSession smsc) {
        this.smsc = smsc;
    }

    @Override
    public String name() {
        return "smpp";
    }

    @Override
    public synchronized String send(Sms sms) throws SendFailure {
        if (!smsc.configured()) {
            throw SendFailure.transientFailure("SMPP is not configured (anchor.sms.smpp.host)");
        }
        boolean gsm = SmsSegments.isGsm(sms.text());
        byte[] body = gsm ? SmsSegments.gsmEncode(sms.text()) : sms.text().getBytes(StandardCharsets.UTF_16BE);
        GeneralDataCoding coding = new GeneralDataCoding(gsm ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2);
        boolean payload = body.length > 254;
        try {
            SMPPSession bound = smsc.bound();
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
            smsc.close();
            throw SendFailure.transientFailure("SMSC unreachable or not answering: " + e.getClass().getSimpleName());
        }
    }
}
