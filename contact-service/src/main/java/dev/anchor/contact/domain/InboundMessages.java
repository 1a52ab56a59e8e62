package dev.anchor.contact.domain;

import dev.anchor.blocks.http.Paging;

import java.util.Optional;
import java.util.UUID;

/** The messages read from the mailbox (and the SMS provider), the routes that tell their issue, and the read cursor. */
public interface InboundMessages {

    boolean seen(String messageKey);

    /** A reply with the same words already taken on the issue: the customer sent it twice. */
    boolean alreadyTaken(UUID issueId, String text);

    /** Whether {@code text} from this customer opened an issue already (the same email written twice). */
    boolean alreadyOpened(UUID customerId, String text);

    /** The message that became contact {@code contactId} now belongs to the issue it opened. */
    void openedIssue(UUID contactId, UUID issueId);

    /** Stores a new message; one read by {@link #byId} is stored already and changes in place. */
    void add(InboundMessage message);

    /** The message, locked for the rest of the transaction. */
    Optional<InboundMessage> byId(UUID id);

    Paging.Page<InboundMessage> withStatus(InboundMessage.Status status, Paging paging);

    Optional<ReplyRoute> route(String token);

    void addRoute(ReplyRoute route);

    /** The cursor of {@code mailbox}, locked for the rest of the transaction; a new one (nothing read) when none. */
    MailboxCursor cursor(String mailbox);

    void save(MailboxCursor cursor);

    /** Erasure: routes go, messages and their files keep only their non-personal facts (no bytes, names or hashes). */
    void forget(UUID customerId);

    /** A merged customer's messages and routes belong to the survivor. */
    void repoint(UUID retired, UUID survivor);
}
