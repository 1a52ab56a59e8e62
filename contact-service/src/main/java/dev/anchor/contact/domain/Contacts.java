package dev.anchor.contact.domain;

import dev.anchor.blocks.http.Paging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The contacts and their amendments, as the domain needs to find and change them. */
public interface Contacts {

    Optional<Contact> byId(UUID id);

    /** Stores a new contact at once (version 0), so what follows in the transaction sees it. */
    void add(Contact contact);

    /** Writes pending changes now: a changed contact's version moves on. */
    void writeChanges();

    /** A customer's contacts matching every given filter, newest first. */
    Paging.Page<Contact> search(ContactFilter filter, Paging paging);

    List<Contact> ofCustomer(UUID customerId);

    /** The latest contact of the customer on each channel, newest first. */
    List<Contact> lastPerChannel(UUID customerId);

    /** A contact's audit trail, oldest first. */
    List<ContactAmendment> amendments(UUID contactId);

    void addAmendment(ContactAmendment amendment);

    /** The contact that asked for an issue is on it now: the same contact, so its version stays (no amendment). */
    void placeOnIssue(UUID contactId, UUID issueId);

    /** Moves a retired (merged) customer's contacts to the survivor; their versions move on. */
    void repoint(UUID retired, UUID survivor);

    /** Removes the personal text of a customer's contacts and their amendments; their versions move on. */
    void anonymise(UUID customerId);
}
