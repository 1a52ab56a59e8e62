package dev.anchor.system.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.system.journey.Anchor;
import dev.anchor.system.journey.Anchor.Caller;

import java.util.ArrayList;
import java.util.List;

import static dev.anchor.system.journey.Anchor.expect;
import static dev.anchor.system.journey.Anchor.items;

/** What one caller sees of one issue across issue-service and contact-service, read in one go. */
record PartnerView(int issueStatus, boolean listed, List<String> timelineTypes, boolean internalOnTimeline,
                   boolean contactListed, int contactStatus) {

    static PartnerView of(Anchor anchor, Caller caller, MarkedCustomer customer) {
        int issueStatus = anchor.issues(caller).get("/issues/{id}", customer.issueId).statusCode();
        boolean listed = items(expect(anchor.issues(caller).queryParam("customerId", customer.customerId).get("/issues"),
                200, "issues of the customer")).stream().anyMatch(i -> customer.issueId.equals(i.path("id").asText()));
        List<String> types = new ArrayList<>();
        boolean internal = false;
        for (JsonNode entry : items(expect(anchor.contacts(caller).queryParam("size", 100)
                .get("/customers/{id}/timeline", customer.customerId), 200, "the customer's timeline"))) {
            // an entry of this issue: issue history, its notifications, and contacts about it
            if (customer.issueId.equals(entry.path("issueId").asText()) || entry.toString().contains(customer.marker)) {
                types.add(entry.path("type").asText());
                internal |= entry.path("internal").asBoolean();
            }
        }
        boolean contactListed = items(expect(anchor.contacts(caller).queryParam("size", 100)
                .get("/customers/{id}/contacts", customer.customerId), 200, "the customer's contacts")).stream()
                .anyMatch(c -> customer.contactId.equals(c.path("id").asText()));
        int contactStatus = anchor.contacts(caller).get("/contacts/{id}", customer.contactId).statusCode();
        return new PartnerView(issueStatus, listed, types, internal, contactListed, contactStatus);
    }

    /** Nothing of the issue anywhere: 404 in both services, not listed, no line on the timeline. */
    boolean seesNothing() {
        return issueStatus == 404 && !listed && timelineTypes.isEmpty() && !contactListed && contactStatus == 404;
    }

    /** The issue, its history (comment, action, next action) and its contact, never an internal entry. */
    boolean seesTheIssueAndItsHistory() {
        return issueStatus == 200 && listed && timelineTypes.containsAll(MarkedHistory.TYPES) && !internalOnTimeline
                && contactListed && contactStatus == 200;
    }
}
