package dev.anchor.notification.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** The parts of customers' SMS that arrived in several deliver_sm, until joined (kept in persistence/). */
public interface SmsParts {

    /** One concatenated message: its sender (a digest of the number), the sender's reference and the part count. */
    record Group(String senderKey, int reference, int total) {
    }

    /** A part as it arrived; {@code sender} is the E.164 number. */
    record Part(int segment, String providerId, String sender, String text, OffsetDateTime receivedAt) {
    }

    /** Serialises everyone who adds to, joins or sweeps the group, to the end of the transaction. */
    void lock(Group group);

    /** Stores a part; false, writing nothing, when this segment of the group is held already (waiting or joined). */
    boolean add(Group group, Part part);

    /** The group's parts still waiting, in segment order. */
    List<Part> waiting(Group group);

    /** Marks the group's waiting parts joined: their number and text are dropped, the rows recognise a redelivery. */
    void joined(Group group, OffsetDateTime at);

    /** Groups with a part waiting since before {@code cutoff}. */
    List<Group> waitingSince(OffsetDateTime cutoff);

    /** Deletes joined parts joined before {@code cutoff}; returns how many. */
    int purgeJoined(OffsetDateTime cutoff);

    /** Deletes every part (waiting or joined) from the sender; returns how many. */
    int forgetSender(String senderKey);
}
