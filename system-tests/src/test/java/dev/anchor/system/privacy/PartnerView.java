package dev.anchor.system.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.system.journey.Anchor;
import dev.anchor.system.journey.Anchor.Caller;

import java.util.ArrayList;
import java.util.List;

import static dev.anchor.system.journey.Anchor.expect;
import static dev.anchor.system.journey.Anchor.items;

/**
 * What one caller sees of one issue across issue-service and contact-service, and of its customer (who has no other
 * issue) in customer-service, read in one go.
 */
record PartnerView(int issueStatus, boolean listed, List<String> timelineTypes, boolean internalOnTimeline,
                   boolean contactListed, int contactStatus, int customerStatus, boolean customerFound) {

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
        int customerStatus = anchor.customers(caller).redirects().follow(false)
                .get("/customers/{id}", customer.customerId).statusCode();
        JsonNode found = expect(anchor.customers(caller).queryParam("email", customer.email).get("/customers"), 200,
                "customers by the marked email");
        boolean customerFound = found.path("total").asInt() > 0
                || items(found).stream().anyMatch(c -> customer.customerId.equals(c.path("id").asText()));
        return new PartnerView(issueStatus, listed, types, internal, contactListed, contactStatus, customerStatus,
                customerFound);
    }

    /**
     * Nothing of the issue anywhere: 404 in issue- and contact-service, not listed, no line on the timeline; and its
     * customer is 404 in customer-service and not found by a search that names them exactly.
     */
    boolean seesNothing() {
        return issueStatus == 404 && !listed && timelineTypes.isEmpty() && !contactListed && contactStatus == 404
                && customerStatus == 404 && !customerFound;
    }

    /** The issue, its history (comment, action, next action) and its contact, never an internal entry; its customer. */
    boolean seesTheIssueAndItsHistory() {
        return issueStatus == 200 && listed && timelineTypes.containsAll(MarkedHistory.TYPES) && !internalOnTimeline
                && contactListed && contactStatus == 200 && customerStatus == 200 && customerFound;
    }
}
