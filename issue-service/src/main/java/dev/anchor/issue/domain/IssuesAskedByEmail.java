package dev.anchor.issue.domain;

import dev.anchor.blocks.events.EventData;
import dev.anchor.blocks.replica.VersionedReplicas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * A known customer wrote to the organisation's address (contact.logged, origin customer-email): an issue is opened for
 * her, unowned, titled by the email's subject, its words the description. Once per contact: the inbox takes each
 * event once. Its issue.opened is the acknowledgement with the number and link; a customer erased meanwhile gets none.
 * The files the email carried are listed with the new issue.
 */
@ApplicationScoped
public class IssuesAskedByEmail {

    private static final Logger LOG = Logger.getLogger(IssuesAskedByEmail.class);
    /** The origin of a contact an email to the organisation's address made (contact.events). */
    static final String CUSTOMER_EMAIL = "customer-email";
    private static final int TITLE_MAX = 200;
    private static final int DESCRIPTION_MAX = 10_000;

    private final IssueOpening opening;
    private final CustomerReplicas customers;
    private final CustomerLocks locks;
    private final IssueAttachments attachments;

    public IssuesAskedByEmail(IssueOpening opening, CustomerReplicas customers, CustomerLocks locks,
                              IssueAttachments attachments) {
        this.opening = opening;
        this.customers = customers;
        this.locks = locks;
        this.attachments = attachments;
    }

    /** Whether {@code contact} asks for a new issue: the customer's own email, about no issue yet. */
    static boolean asks(EventData contact) {
        return CUSTOMER_EMAIL.equals(contact.optionalText("origin")) && contact.optionalUuid("issueId") == null
                && "inbound".equals(contact.optionalText("direction"));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void open(EventData contact) {
        UUID contactId = contact.uuid("id");
        String words = Optional.ofNullable(contact.optionalText("summary")).map(String::strip).orElse("");
        Optional<CustomerReplica> customer = VersionedReplicas.resolve(contact.uuid("customerId"), customers::byId)
                .map(found -> locks.lockCustomer(found.id));
        if (customer.isEmpty() || !customer.get().isActive() || words.isEmpty()) {
            LOG.infof("contact %s asked for an issue for a customer issue-service cannot open one for", contactId);
            return;
        }
        IssueDraft draft = new IssueDraft(customer.get().id, title(contact.optionalText("subject"), words),
                clip(words, DESCRIPTION_MAX), null, null, RaisedChannel.email, null, false);
        Actor actor = new Actor(ActorRole.customer, null, customer.get().displayName, RaisedChannel.email.name());
        IssueOpening.Opened opened = opening.openAsked(draft, actor, contactId);
        for (IssueAttachments.Emailed file : ContactAndNotificationTrail.emailedFiles(contact)) {
            attachments.addEmailed(opened.issue(), file, contactId, actor);
        }
        LOG.infof("issue %s opened from the email of contact %s", opened.issue().number, contactId);
    }

    /** The subject without its Re:/Fwd: prefixes, or else the first line of the words; never blank. */
    static String title(String subject, String words) {
        String title = subject == null ? "" : subject.strip()
                .replaceFirst("(?i)^((re|fwd?|aw|wg|tr)\\s*:\\s*)+", "").strip();
        if (title.isEmpty()) {
            title = words.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(words);
        }
        return clip(title, TITLE_MAX);
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1).strip() + "…";
    }
}
