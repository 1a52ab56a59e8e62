package dev.anchor.notification.domain;

/** Why a queued message is not sent yet: the reason of a queued notification. */
public enum HoldReason {
    /** Its customer is not known yet (the issue or contact event came before the customer's own event). */
    AWAITING_CUSTOMER("awaiting-customer"),
    /** A message about the issue went out within the coalescing window: it waits for the window's end. */
    COALESCING("coalescing"),
    /** Due within the customer's quiet hours: it waits for their end. */
    QUIET_HOURS("quiet-hours"),
    /** An attempt failed for a reason that may pass: it is tried again after a backoff. */
    RETRYING("retrying");

    private final String text;

    HoldReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The hold reason spelled {@code text}; null for anything else (no reason, or not a hold). */
    public static HoldReason of(String text) {
        for (HoldReason reason : values()) {
            if (reason.text.equals(text)) {
                return reason;
            }
        }
        return null;
    }
}
