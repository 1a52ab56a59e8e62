package dev.anchor.notification.sending;

/** An SMS provider. Implementations are chosen by name in {@code anchor.notification.sms-providers}. */
public interface SmsSender {

    /** A text to one E.164 number; {@code reference} is our notification id, echoed in delivery callbacks. */
    record Sms(String to, String from, String text, String reference) {
    }

    String name();

    /** @return the provider's id for the message */
    String send(Sms sms) throws SendFailure;
}
