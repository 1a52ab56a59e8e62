package dev.anchor.notification.sending;

import dev.anchor.blocks.refusal.Conflict;
import dev.anchor.blocks.refusal.InvalidFields;
import dev.anchor.blocks.refusal.NotFound;
import dev.anchor.blocks.refusal.Refused;
import dev.anchor.notification.domain.DeliveryReports;
import dev.anchor.notification.domain.InboundSms;
import dev.anchor.notification.domain.LongSms;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * deliver_sm from the SMSC. A customer's SMS (esm_class default type) goes to {@link InboundSms}, the webhook's path,
 * or, when it is one part of several (UDH or SAR), to {@link LongSms}, which hands on the whole; an SMSC delivery
 * receipt to {@link DeliveryReports}, the receipt callback's path; other notifications are acknowledged and dropped.
 * jsmpp sends deliver_sm_resp when this returns, so a message (or part) is acknowledged only after it is committed: a
 * failure to store it answers ESME_RX_T_APPN and the SMSC delivers it again; what can never be taken (unreadable
 * coding, a sender that is no number, a part that is no part) answers ESME_RX_P_APPN, so it is not retried forever.
 */
@ApplicationScoped
public class SmppReceiver implements MessageReceiverListener {

    /** ESME_RX_T_APPN (0x64): the ESME could not take it now, deliver it again. */
    private static final int TEMPORARY = SMPPConstant.STAT_ESME_RX_T_APPN;
    /** ESME_RX_P_APPN (0x65): the ESME refuses the message for good. */
    private static final int PERMANENT = SMPPConstant.STAT_ESME_RX_P_APPN;
    private static final int INVALID_COMMAND = SMPPConstant.STAT_ESME_RINVCMDID;
    private static final Logger LOG = Logger.getLogger(SmppReceiver.class);

    private final InboundSms inbound;
    private final LongSms parts;
    private final DeliveryReports reports;
    private final Clock clock;
    private final short idTag;

    public SmppReceiver(InboundSms inbound, LongSms parts, DeliveryReports reports, Clock clock,
                        @ConfigProperty(name = "anchor.sms.smpp.message-id-tag", defaultValue = "0x001E") String idTag) {
        this.inbound = inbound;
        this.parts = parts;
        this.reports = reports;
        this.clock = clock;
        this.idTag = Integer.decode(idTag).shortValue();
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm pdu) throws ProcessRequestException {
        if (MessageType.SMSC_DEL_RECEIPT.containedIn(pdu.getEsmClass())) {
            receipt(pdu);
        } else if (MessageType.DEFAULT.containedIn(pdu.getEsmClass())) {
            reply(pdu);
        } else {
            LOG.debugf("deliver_sm with esm_class 0x%02X (an SME or intermediate notification) acknowledged, not used",
                    pdu.getEsmClass());
        }
    }

    private void reply(DeliverSm pdu) throws ProcessRequestException {
        String text;
        SmppSegment segment;
        try {
            text = SmppText.text(pdu);
            segment = SmppSegment.of(pdu);
        } catch (SmppText.UnreadableCoding | SmppSegment.Malformed e) {
            LOG.warnf("SMS reply over SMPP refused: %s", e.getMessage());
            throw new ProcessRequestException(e.getMessage(), PERMANENT);
        }
        String id = providerId(pdu, segment);
        String to = pdu.getDestAddress() == null || pdu.getDestAddress().isBlank() ? null : pdu.getDestAddress().trim();
        String from = SmppText.number(pdu.getSourceAddrTon(), pdu.getSourceAddr());
        try {
            if (segment == null) {
                inbound.received(id, from, to, text, null);
            } else {
                // a stored part is acknowledged: it is as safe as a whole message, though nothing is published yet
                LongSms.Outcome outcome = parts.part(id, from, to, segment.reference(), segment.total(),
                        segment.number(), text);
                LOG.debugf("SMS part %d of %d (%s) over SMPP: %s", segment.number(), segment.total(), id, outcome);
            }
        } catch (InvalidFields e) {
            // never the number in the log (the message names the field, not its value): the id finds it at the SMSC
            String why = e.fields().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
            LOG.warnf("SMS reply %s over SMPP refused: %s", id, why);
            throw new ProcessRequestException(why, PERMANENT);
        } catch (RuntimeException e) {
            LOG.warnf(e, "SMS reply %s over SMPP not stored: the SMSC is asked to deliver it again", id);
            throw new ProcessRequestException("not stored", TEMPORARY, e);
        }
    }

    /**
     * The SMSC's id of the message, as "smpp:" + the parameter {@code anchor.sms.smpp.message-id-tag} carries; SMPP 3.4
     * gives an MO message none of its own, so without one it is "smpp-" + a SHA-256 of sender, recipient, coding,
     * body, the UTC hour and, for a part, which part of which message: a redelivery within the hour is the same one.
     */
    private String providerId(DeliverSm pdu, SmppSegment segment) {
        String given = SmppText.parameter(pdu, idTag);
        if (given != null && given.length() <= 95 && given.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return "smpp:" + given;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String head = pdu.getSourceAddrTon() + "|" + pdu.getSourceAddr() + "|" + pdu.getDestAddress() + "|"
                    + pdu.getDataCoding() + "|" + clock.instant().getEpochSecond() / 3600 + "|"
                    + (segment == null ? "" : segment.reference() + "/" + segment.number() + "/" + segment.total());
            sha.update(head.getBytes(StandardCharsets.UTF_8));
            sha.update(SmppText.body(pdu));
            return "smpp-" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void receipt(DeliverSm pdu) throws ProcessRequestException {
        SmppReceipt receipt;
        try {
            receipt = SmppReceipt.read(pdu);
        } catch (SmppReceipt.Unreadable e) {
            LOG.warnf("SMPP delivery receipt refused: %s", e.getMessage());
            throw new ProcessRequestException("unreadable delivery receipt", PERMANENT);
        }
        if (receipt.status() == null) {
            LOG.debugf("SMPP receipt for %s says %s: not final, acknowledged", receipt.messageId(), receipt.state());
            return;
        }
        try {
            reports.sms(receipt.messageId(), null, receipt.status(), receipt.error());
        } catch (NotFound | Conflict | Refused | InvalidFields e) {
            // not ours, or settled otherwise already: delivering it again would change nothing
            LOG.infof("SMPP receipt for %s (%s) acknowledged, not applied: %s", receipt.messageId(), receipt.status(),
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "SMPP receipt for %s not stored: the SMSC is asked to deliver it again", receipt.messageId());
            throw new ProcessRequestException("not stored", TEMPORARY, e);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alert) {
        LOG.debug("SMPP alert_notification ignored");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", INVALID_COMMAND);
    }
}
