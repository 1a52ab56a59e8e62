package dev.anchor.notification.sending;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.InvalidDeliveryReceiptException;

import java.util.Map;

/**
 * An SMSC delivery receipt (deliver_sm with esm_class 0x04): the id of the message it is about and its state, from
 * the receipted_message_id and message_state parameters, else from the "id:… stat:… err:…" text; {@code status} as
 * the receipt callback spells it (delivered, failed, undeliverable, rejected), null while not final (ENROUTE,
 * ACCEPTD, UNKNOWN).
 */
record SmppReceipt(String messageId, String state, String status, String error) {

    /** A receipt without a message id or a state: nothing can be done with it. */
    static final class Unreadable extends Exception {
        Unreadable(String detail) {
            super(detail);
        }
    }

    /** message_state values (SMPP 3.4, 5.2.28) by the names the receipt text uses. */
    private static final String[] STATES = {null, "ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "ACCEPTD",
            "UNKNOWN", "REJECTD"};
    private static final Map<String, String> STATUS = Map.of("DELIVRD", "delivered", "EXPIRED", "failed",
            "DELETED", "failed", "UNDELIV", "undeliverable", "REJECTD", "rejected");

    static SmppReceipt read(DeliverSm pdu) throws Unreadable {
        String id = SmppText.parameter(pdu, OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code());
        String state = null;
        if (pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE) instanceof OptionalParameter.Byte b
                && b.getValue() > 0 && b.getValue() < STATES.length) {
            state = STATES[b.getValue()];
        }
        String error = null;
        try {
            DeliveryReceipt text = pdu.getShortMessageAsDeliveryReceipt();
            id = id != null ? id : blankToNull(text.getId());
            state = state != null ? state : text.getFinalStatus() == null ? null : text.getFinalStatus().name();
            String err = blankToNull(text.getError());
            error = err == null || err.matches("0+") ? null : "SMSC error " + err;
        } catch (InvalidDeliveryReceiptException | RuntimeException e) {
            // the parameters may say all there is to say; without them the text had to
            if (id == null || state == null) {
                throw new Unreadable("neither receipt parameters nor a receipt text: " + e.getMessage());
            }
        }
        if (id == null || state == null) {
            throw new Unreadable("no message id or state");
        }
        return new SmppReceipt(id, state, STATUS.get(state), error);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
