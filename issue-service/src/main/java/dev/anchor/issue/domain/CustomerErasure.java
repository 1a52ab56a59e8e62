package dev.anchor.issue.domain;

import dev.anchor.blocks.idempotency.IdempotentCreates;
import dev.anchor.blocks.replica.ReplicaStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * customer.erased: takes the customer's personal data out of their issues while keeping the non-personal facts (number,
 * status, dates, priority, category, channel, owner, SLA clocks) so counts and reports stay right.
 *
 * <ul>
 *   <li>the issue: title becomes {@value #ERASED}, the description goes, a next action's text becomes {@value #ERASED};</li>
 *   <li>the trail: each entry is erased once (the only change the append-only trigger accepts, see V2): its detail
 *   (comments, introductions, reasons, contact and message summaries) goes, a customer's own name goes, and every
 *   summary that may quote free text becomes {@value #ERASED} — only summaries made of fixed words and staff names
 *   stay;</li>
 *   <li>status-page links are revoked, and stored Idempotency-Key answers about the issue are forgotten;</li>
 *   <li>the files the customer sent are deleted, bytes, names and hashes alike (the trail keeps the erased entry).</li>
 * </ul>
 * Entries put on such an issue later (a late contact or notification, a comment) are written already erased; every
 * writer holds the customer's lock ({@link CustomerLocks}) that the erasure takes first, so none slips past it.
 * No event is published: every service that holds the customer's data consumes customer.erased itself.
 */
@ApplicationScoped
public class CustomerErasure {

    public static final String ERASED = "[erased]";

    /** Trail entries whose summary is made only of fixed words, staff names, statuses and times. */
    static final List<String> FIXED_SUMMARIES = List.of("issue.assigned", "issue.status-changed", "issue.closed",
            "issue.reopened", "issue.sla-breached", "issue.customer-changed", "contact.logged", "contact.amended",
            "notification.sent", "status-link.issued", "issue.status-link-issued", "status-link.revoked",
            "issue.shared", "issue.unshared");

    private final Issues issues;
    private final TimelineEntries timeline;
    private final CustomerReplicas customers;
    private final StatusTokens tokens;
    private final IdempotentCreates idempotency;
    private final Attachments attachments;

    public CustomerErasure(Issues issues, TimelineEntries timeline, CustomerReplicas customers, StatusTokens tokens,
                           IdempotentCreates idempotency, Attachments attachments) {
        this.attachments = attachments;
        this.issues = issues;
        this.timeline = timeline;
        this.customers = customers;
        this.tokens = tokens;
        this.idempotency = idempotency;
    }

    /** Erases what the issues of {@code customerId} say about them. Safe to repeat. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseIssuesOf(UUID customerId, OffsetDateTime now) {
        for (Issue issue : issues.ofCustomer(customerId)) {
            if (!ERASED.equals(issue.title) || issue.description != null
                    || (issue.nextWhat != null && !ERASED.equals(issue.nextWhat))
                    || (issue.appointment != null && issue.appointment.bring() != null
                        && !ERASED.equals(issue.appointment.bring()))) {
                issue.title = ERASED;
                issue.description = null;
                issue.nextWhat = issue.nextWhat == null ? null : ERASED;
                if (issue.appointment != null && issue.appointment.bring() != null) {
                    Appointment a = issue.appointment;
                    issue.appointment = new Appointment(a.actionId(), a.kind(), a.scheduledAt(), a.place(), ERASED);
                }
                issue.updatedAt = now;
            }
            tokens.revokeAll(issue.id, now);
            idempotency.forget(issue.id);
            attachments.deleteOf(issue.id);
            eraseEntries(issue.id, now);
        }
    }

    /** True when the issue's customer was erased: anything new about it must not keep personal text. */
    public boolean customerErased(UUID issueId) {
        Issue issue = issues.byId(issueId);
        if (issue == null) {
            return false;
        }
        CustomerReplica customer = customers.byId(issue.customerId);
        return customer != null && customer.replicaStatus() == ReplicaStatus.ERASED;
    }

    /** A new trail entry about an erased customer, written already erased: the same rules as {@link #eraseEntries}. */
    void redact(TimelineEntry line, OffsetDateTime now) {
        line.detail = null;
        if (line.facts != null && line.facts.containsKey("place")) {
            line.facts = null; // a free-text place may say something about the customer
        }
        if (ActorRole.customer.name().equals(line.actorRole)) {
            line.actorName = null;
        }
        if (!FIXED_SUMMARIES.contains(line.kind)) {
            line.summary = ERASED;
        }
        line.erasedAt = now;
    }

    /** Erases the issue's trail entries not erased yet (the trigger allows exactly this, once per entry). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseEntries(UUID issueId, OffsetDateTime now) {
        return timeline.erase(issueId, FIXED_SUMMARIES, ERASED, now);
    }
}
