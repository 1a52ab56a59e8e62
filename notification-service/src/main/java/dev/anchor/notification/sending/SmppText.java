package dev.anchor.notification.sending;

import dev.anchor.notification.domain.SmsSegments;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.OptionalParameter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a deliver_sm says, as text and numbers: the body from short_message, or from message_payload when that is
 * empty, without a user data header (esm_class UDHI); data_coding 0 as GSM-7 (unpacked septets, as SMPP carries it),
 * 1 as IA5 (ASCII), 3 as Latin-1, 8 as UCS-2, and the GSM class group 0xF0–0xF3 as GSM-7.
 */
final class SmppText {

    /** A data_coding this service cannot read (8-bit binary, or one it does not know). */
    static final class UnreadableCoding extends Exception {
        UnreadableCoding(int dataCoding) {
            super(String.format("data_coding 0x%02X is not text this service reads", dataCoding));
        }
    }

    private SmppText() {
    }

    static String text(DeliverSm pdu) throws UnreadableCoding {
        byte[] body = body(pdu);
        int coding = pdu.getDataCoding() & 0xFF;
        return switch (coding) {
            case 0x00, 0xF0, 0xF1, 0xF2, 0xF3 -> SmsSegments.gsmDecode(body);
            case 0x01 -> new String(body, StandardCharsets.US_ASCII);
            case 0x03 -> new String(body, StandardCharsets.ISO_8859_1);
            case 0x08 -> new String(body, StandardCharsets.UTF_16BE);
            default -> throw new UnreadableCoding(coding);
        };
    }

    /** The user data: short_message, else message_payload; a user data header (its first byte its length) skipped. */
    static byte[] body(DeliverSm pdu) {
        byte[] body = userData(pdu);
        if ((pdu.getEsmClass() & GSMSpecificFeature.UDHI.value()) != 0 && body.length > 0) {
            int header = 1 + (body[0] & 0xFF);
            return header >= body.length ? new byte[0] : Arrays.copyOfRange(body, header, body.length);
        }
        return body;
    }

    /** short_message, else message_payload, as it came (with its user data header, if any). */
    static byte[] userData(DeliverSm pdu) {
        byte[] data = pdu.getShortMessage();
        if (data == null || data.length == 0) {
            OptionalParameter payload = pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            data = payload instanceof OptionalParameter.OctetString octets ? octets.getValue() : new byte[0];
        }
        return data;
    }

    /**
     * The sender as E.164 when it can be one: an international number (TON 1) or, as many SMSCs send them, an unknown
     * TON with digits only or a leading plus; anything else as it came (the domain refuses it).
     */
    static String number(byte ton, String address) {
        String given = address == null ? "" : address.trim();
        String digits = given.startsWith("+") ? given.substring(1) : given;
        boolean international = ton == 1 || (ton == 0 && (given.startsWith("+") || digits.length() > 7));
        return international && digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() ? "+" + digits : given;
    }

    /** A text parameter's value (C-octet strings without their NUL), or null when absent. */
    static String parameter(DeliverSm pdu, short tag) {
        OptionalParameter parameter = pdu.getOptionalParameter(tag);
        if (!(parameter instanceof OptionalParameter.OctetString octets)) {
            return null;
        }
        String value = new String(octets.getValue(), StandardCharsets.US_ASCII);
        int nul = value.indexOf('\u0000');
        value = (nul >= 0 ? value.substring(0, nul) : value).trim();
        return value.isEmpty() ? null : value;
    }
}
