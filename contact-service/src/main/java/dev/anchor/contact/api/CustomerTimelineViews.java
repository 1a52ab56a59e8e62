package dev.anchor.contact.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.anchor.contact.domain.Channel;
import dev.anchor.contact.domain.Contact;
import dev.anchor.contact.domain.CustomerReplica;
import dev.anchor.contact.domain.CustomerSummary;
import dev.anchor.contact.domain.Direction;
import dev.anchor.contact.domain.IssueReplica;
import dev.anchor.contact.domain.Outcome;
import dev.anchor.contact.domain.TimelineEntry;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The views of {@link CustomerTimelineResource}: a timeline item and the customer summary. Their Java names are what
 * the published OpenAPI document calls them (PageItem, OpenIssue, …), so they stay as they are.
 */
public final class CustomerTimelineViews {

    private CustomerTimelineViews() {
    }

    /** One line of the timeline as the API answers it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TimelineItem", description = "A contact, an issue event or a notification on the customer's timeline")
    public record Item(UUID id,
                       @Schema(enumeration = {"contact", "issue", "notification"}) String kind,
                       @Schema(description = "The event type, e.g. contact.logged, issue.commented, notification.delivered") String type,
                       OffsetDateTime occurredAt, String channel, UUID issueId, String issueNumber,
                       @Schema(description = "Staff only (an internal comment); partners never see these") boolean internal,
                       @Schema(description = "One line an agent reads") String text,
                       @Schema(type = SchemaType.OBJECT, description = "What else the entry is about: for a contact its direction, "
                               + "outcome, agent, location and duration; for an issue event the issue status, the change and the "
                               + "actor; for a notification its status, delivered or not, reason, subject and attempts")
                       @JsonRawValue String detail) {

        static Item of(TimelineEntry e) {
            return new Item(e.id, e.kind, e.type, e.occurredAt, e.channel, e.issueId, e.issueNumber, e.internal, e.text,
                    e.detail);
        }
    }

    /** What an agent picking up a call needs at a glance. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CustomerSummary")
    public record Summary(UUID customerId, String name, String preferredChannel,
                          @Schema(type = SchemaType.OBJECT, description = "The current mailing address as customer-service "
                                  + "publishes it: label, line1, line2, postalCode, city, region, country")
                          @JsonRawValue String mailingAddress,
                          List<OpenIssue> openIssues, List<LastContact> lastContacts) {

        static Summary of(CustomerSummary summary) {
            CustomerReplica customer = summary.customer();
            return new Summary(summary.customerId(), customer == null ? null : customer.displayName,
                    customer == null ? null : customer.preferredChannel, customer == null ? null : customer.mailingAddress,
                    summary.openIssues().stream().map(OpenIssue::of).toList(),
                    summary.lastContacts().stream().map(LastContact::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OpenIssue(UUID id, String number, String title, String status, NextAction nextAction) {

        static OpenIssue of(IssueReplica i) {
            return new OpenIssue(i.id, i.number, i.title, i.status, i.nextActionWhat == null ? null
                    : new NextAction(i.nextActionWhat, i.nextActionWho, i.nextActionDueAt));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NextAction(String what, String who, OffsetDateTime dueAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LastContact(Channel channel, UUID contactId, OffsetDateTime occurredAt, Direction direction,
                              String summary, Outcome outcome) {

        static LastContact of(Contact c) {
            return new LastContact(c.channel, c.id, c.occurredAt, c.direction, c.summary, c.outcome);
        }
    }
}
