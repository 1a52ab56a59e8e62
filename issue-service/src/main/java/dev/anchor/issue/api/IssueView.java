package dev.anchor.issue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anchor.issue.domain.Appointment;
import dev.anchor.issue.domain.Issue;
import dev.anchor.issue.domain.IssueStatus;
import dev.anchor.issue.domain.NextAction;
import dev.anchor.issue.domain.Person;
import dev.anchor.issue.domain.Priority;
import dev.anchor.issue.domain.RaisedChannel;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An issue as the API answers it: the same fields as {@code data.issue} of its events. {@code locations} are the
 * locations it is shared with (sorted); {@code locationId} the one it was opened with, while it is still shared.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueView(
        UUID id,
        String number,
        UUID customerId,
        String title,
        String description,
        String category,
        Priority priority,
        RaisedChannel channel,
        IssueStatus status,
        String statusLabel,
        String customerStatusLabel,
        Person owner,
        NextAction nextAction,
        UUID linkedIssueId,
        String locationId,
        List<String> locations,
        Appointment appointment,
        OffsetDateTime closesAt,
        OffsetDateTime reopenableUntil,
        long version,
        OffsetDateTime openedAt,
        OffsetDateTime updatedAt) {

    public static IssueView of(Issue issue) {
        return new IssueView(issue.id, issue.number, issue.customerId, issue.title, issue.description, issue.category,
                issue.priority, issue.channel, issue.status, issue.status.agentLabel(), issue.status.customerLabel(),
                issue.owner(), issue.nextAction(), issue.linkedIssueId, issue.locationId, issue.sharedWith(),
                issue.appointment, issue.status == IssueStatus.resolved ? issue.closesAt : null,
                issue.status == IssueStatus.closed ? issue.reopenableUntil : null, issue.version,
                issue.openedAt, issue.updatedAt);
    }
}
