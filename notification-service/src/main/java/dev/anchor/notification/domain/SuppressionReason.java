package dev.anchor.notification.domain;

import dev.anchor.blocks.replica.ReplicaStatus;

/**
 * Why a message is not sent: the reason of a suppressed notification. Some carry what they are about after a colon
 * ({@code no-consent:service}, {@code no-address:sms}, {@code address-suppressed:email}).
 */
public enum SuppressionReason {
    UNKNOWN_CUSTOMER("unknown-customer"),
    CUSTOMER_MERGED("customer-merged"),
    CUSTOMER_ERASED("customer-erased"),
    NO_CONSENT("no-consent"),
    NO_ADDRESS("no-address"),
    ADDRESS_SUPPRESSED("address-suppressed"),
    NOTHING_NEW("nothing-new"),
    TEMPLATE_ERROR("template-error"),
    COALESCED("coalesced");

    private final String text;

    SuppressionReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The reason about {@code subject} (a category or a channel), e.g. {@code no-consent:service}. */
    public String text(Object subject) {
        return subject == null ? text : text + ":" + subject;
    }

    /** The reason for a customer who can no longer be written to (merged without a known survivor, or erased). */
    public static SuppressionReason customer(ReplicaStatus status) {
        return switch (status) {
            case MERGED -> CUSTOMER_MERGED;
            case ERASED -> CUSTOMER_ERASED;
            case ACTIVE -> throw new IllegalArgumentException("an active customer is written to");
        };
    }
}
