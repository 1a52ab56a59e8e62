package dev.anchor.notification.sending;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.OptionalParameter;

/**
 * Which part of a concatenated SMS a deliver_sm carries, as phones and SMSCs say it: a user data header (esm_class
 * UDHI) with the concatenation element — IEI 0x00 with an 8-bit reference or 0x08 with a 16-bit one (3GPP TS 23.040
 * 9.2.3.24.1 and .8) — or the SMPP 3.4 TLVs sar_msg_ref_num, sar_total_segments and sar_segment_seqnum.
 */
record SmppSegment(int reference, int total, int number) {

    /** A concatenation that names no possible part (segment 0, beyond the total, or half the SAR TLVs). */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** jsmpp names no information elements: the two concatenation IEIs of TS 23.040. */
    private static final int CONCATENATED_8BIT_REFERENCE = 0x00;
    private static final int CONCATENATED_16BIT_REFERENCE = 0x08;

    /** The part the deliver_sm carries, or null when it is a whole message (no concatenation, or one of one). */
    static SmppSegment of(DeliverSm pdu) throws Malformed {
        SmppSegment segment = fromHeader(pdu);
        if (segment == null) {
            segment = fromSar(pdu);
        }
        if (segment == null) {
            return null;
        }
        if (segment.total < 1 || segment.number < 1 || segment.number > segment.total) {
            throw new Malformed("part " + segment.number + " of " + segment.total + " is no part");
        }
        return segment.total == 1 ? null : segment;
    }

    private static SmppSegment fromHeader(DeliverSm pdu) {
        byte[] data = SmppText.userData(pdu);
        if ((pdu.getEsmClass() & GSMSpecificFeature.UDHI.value()) == 0 || data.length == 0) {
            return null;
        }
        int end = Math.min(data.length, 1 + (data[0] & 0xFF));
        for (int at = 1; at + 1 < end; at += 2 + (data[at + 1] & 0xFF)) {
            int element = data[at] & 0xFF;
            int length = data[at + 1] & 0xFF;
            if (at + 2 + length > end) {
                return null; // a header cut short names no part we could trust
            }
            if (element == CONCATENATED_8BIT_REFERENCE && length == 3) {
                return new SmppSegment(u8(data, at + 2), u8(data, at + 3), u8(data, at + 4));
            }
            if (element == CONCATENATED_16BIT_REFERENCE && length == 4) {
                return new SmppSegment(u8(data, at + 2) << 8 | u8(data, at + 3), u8(data, at + 4), u8(data, at + 5));
            }
        }
        return null;
    }

    private static SmppSegment fromSar(DeliverSm pdu) throws Malformed {
        OptionalParameter reference = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM);
        OptionalParameter total = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS);
        OptionalParameter number = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM);
        if (reference == null && total == null && number == null) {
            return null;
        }
        if (reference instanceof OptionalParameter.Short r && total instanceof OptionalParameter.Byte t
                && number instanceof OptionalParameter.Byte n) {
            return new SmppSegment(r.getValue() & 0xFFFF, t.getValue() & 0xFF, n.getValue() & 0xFF);
        }
        throw new Malformed("sar_msg_ref_num, sar_total_segments and sar_segment_seqnum go together");
    }

    private static int u8(byte[] data, int at) {
        return data[at] & 0xFF;
    }
}
