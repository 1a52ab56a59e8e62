package dev.anchor.issue.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An issue as the API answers it and as every issue event carries it ({@code data.issue}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueState(
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
        long version,
        OffsetDateTime openedAt,
        OffsetDateTime updatedAt) {

    public static IssueState of(Issue issue) {
        return new IssueState(issue.id, issue.number, issue.customerId, issue.title, issue.description, issue.category,
                issue.priority, issue.channel, issue.status, issue.status.agentLabel(), issue.status.customerLabel(),
                issue.owner(), issue.nextAction(), issue.linkedIssueId, issue.locationId, issue.version,
                issue.openedAt, issue.updatedAt);
    }
}
