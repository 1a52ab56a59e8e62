package dev.anchor.system.privacy;

import java.util.List;

/** The timeline lines contact-service keeps for the history as {@link MarkedCustomer} and the tests make it. */
final class MarkedHistory {

    /** The comment, the next action, the owner's action and the contact about the issue. */
    static final List<String> TYPES = List.of("issue.commented", "issue.next-action-set", "issue.action-taken",
            "contact.logged");

    private MarkedHistory() {
    }
}
