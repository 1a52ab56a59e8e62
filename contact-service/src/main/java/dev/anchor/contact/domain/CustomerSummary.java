package dev.anchor.contact.domain;

import java.util.List;
import java.util.UUID;

/**
 * What an agent picking up a call needs at a glance: the customer as customer.events told us ({@code customer} is null
 * when nothing came yet), their open issues and their last contact on each channel.
 */
public record CustomerSummary(UUID customerId, CustomerReplica customer, List<IssueReplica> openIssues,
                              List<Contact> lastContacts) {
}
