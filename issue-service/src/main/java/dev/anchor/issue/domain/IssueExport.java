package dev.anchor.issue.domain;

import dev.anchor.blocks.events.EventData;
import dev.anchor.blocks.replica.ReplicaStatus;
import dev.anchor.issue.events.out.ExportPartState;
import dev.anchor.issue.events.out.ExportPartWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * customer.export-requested: contributes issue-service's part of the customer's subject-access export — every issue of
 * theirs with its public history, their comments and the staff notes, labelled as such (a subject-access request
 * covers them). Applied once per event through the inbox, so each export gets one part; an erased customer's part
 * holds no issue.
 */
@ApplicationScoped
public class IssueExport {

    static final String STAFF_NOTE = "Staff note: written by staff for staff, not shown on your status page";

    private final Issues issues;
    private final TimelineEntries timeline;
    private final CustomerLocks locks;
    private final ExportPartWriter parts;
    private final Attachments attachments;

    public IssueExport(Issues issues, TimelineEntries timeline, CustomerLocks locks, ExportPartWriter parts,
                       Attachments attachments) {
        this.attachments = attachments;
        this.issues = issues;
        this.timeline = timeline;
        this.locks = locks;
        this.parts = parts;
    }

    /** {@code data} of customer.export-requested: {exportId, customerId, requestedAt}; another shape is malformed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void contribute(EventData data) {
        UUID exportId = data.uuid("exportId");
        UUID customerId = data.uuid("customerId");
        data.time("requestedAt"); // part of the contract: a request without it is malformed
        // The erasure's lock: the part is read either wholly before an erasure or wholly after it.
        CustomerReplica customer = locks.lockCustomer(customerId);
        if (customer != null && customer.replicaStatus() == ReplicaStatus.ERASED) {
            parts.write(exportId, customerId, new ExportPartState(null, List.of()));
            return;
        }
        List<ExportPartState.Issue> held = issues.ofCustomer(customerId).stream()
                .sorted(Comparator.comparing((Issue issue) -> issue.openedAt).thenComparing(issue -> issue.number))
                .map(this::issue).toList();
        ExportPartState.Customer known = customer == null ? null
                : new ExportPartState.Customer(customer.displayName, customer.language, customer.timeZone);
        parts.write(exportId, customerId, new ExportPartState(known, held));
    }

    private ExportPartState.Issue issue(Issue issue) {
        List<TimelineEntry> trail = timeline.allOf(issue.id);
        List<ExportPartState.Entry> history = new ArrayList<>();
        List<ExportPartState.Entry> comments = new ArrayList<>();
        List<ExportPartState.StaffNote> notes = new ArrayList<>();
        for (TimelineEntry line : trail) {
            if (!line.isPublic()) {
                notes.add(new ExportPartState.StaffNote(STAFF_NOTE, line.at, line.actorName, line.summary, line.detail));
                continue;
            }
            history.add(entry(line));
            if ("issue.commented".equals(line.kind) && ActorRole.customer.name().equals(line.actorRole)) {
                comments.add(entry(line));
            }
        }
        NextAction next = issue.nextAction();
        return new ExportPartState.Issue(issue.number, issue.title, issue.description, issue.category,
                EventRecords.name(issue.priority), EventRecords.name(issue.channel), issue.status.customerLabel(),
                owners(issue, trail), issue.openedAt, issue.resolvedAt, issue.closedAt, issue.sharedWith(),
                next == null ? null : new ExportPartState.NextAction(next.what(), EventRecords.name(next.who()),
                        next.dueAt(), next.locationId(), next.revisedDueAt()),
                history, comments, notes, files(issue));
    }

    /**
     * The files the customer sent, listed (name, type, size, SHA-256, when) without their bytes: the part travels as
     * one Kafka record, which ten-megabyte photos would overflow; the customer can download each from their page.
     */
    private List<ExportPartState.File> files(Issue issue) {
        return attachments.ofIssue(issue.id).stream().map(file -> new ExportPartState.File(file.fileName(),
                file.mediaType(), file.size(), file.sha256(), file.createdAt(), file.uploadedBy())).toList();
    }

    private static ExportPartState.Entry entry(TimelineEntry line) {
        return new ExportPartState.Entry(line.at, line.actorName, line.channel, line.summary, line.detail);
    }

    /** Everyone who owned the issue, in the order they had it (the trail's handoffs), and the owner now. */
    private static List<String> owners(Issue issue, List<TimelineEntry> trail) {
        Set<String> owners = new LinkedHashSet<>();
        for (TimelineEntry line : trail) {
            if ("issue.assigned".equals(line.kind)) {
                if (line.previousOwnerName != null) {
                    owners.add(line.previousOwnerName);
                }
                if (line.ownerName != null) {
                    owners.add(line.ownerName);
                }
            }
        }
        if (issue.ownerName != null) {
            owners.add(issue.ownerName);
        }
        return List.copyOf(owners);
    }
}
