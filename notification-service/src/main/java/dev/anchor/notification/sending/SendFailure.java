package dev.anchor.notification.sending;

/** A send that did not succeed: transient ones are retried, permanent ones fail the message at once. */
public class SendFailure extends Exception {

    private final boolean permanent;
    private final boolean hardBounce;

    public SendFailure(String message, boolean permanent, boolean hardBounce) {
        super(message);
        this.permanent = permanent;
        this.hardBounce = hardBounce;
    }

    public static SendFailure transientFailure(String message) {
        return new SendFailure(message, false, false);
    }

    public static SendFailure permanent(String message, boolean hardBounce) {
        return new SendFailure(message, true, hardBounce);
    }

    public boolean permanent() {
        return permanent;
    }

    /** The address itself is bad (unknown mailbox, invalid number): suppress it until it changes. */
    public boolean hardBounce() {
        return hardBounce;
    }
}
