package dev.anchor.blocks.events;

/**
 * An event that breaks its contract (a missing field, a value of the wrong shape, an out-of-contract value). Thrown by
 * {@link EventData} and by handlers; {@code EventInbox} rolls the event's transaction back and rejects it.
 */
public class MalformedEvent extends RuntimeException {

    public MalformedEvent(String message) {
        super(message);
    }
}
