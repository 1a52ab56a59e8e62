package dev.anchor.issue.domain;

import dev.anchor.blocks.refusal.NotPermitted;

/** Who may do what to an issue, and what a closed issue still allows. */
public final class IssueRules {

    private IssueRules() {
    }

    /** The owner works the issue; a supervisor may step in. */
    public static void requireOwnerOrSupervisor(Issue issue, Actor actor, String what) {
        if (actor.isSupervisor() || issue.isOwnedBy(actor.id())) {
            return;
        }
        throw new NotPermitted(issue.ownerId == null
                ? "Issue " + issue.number + " has no owner; take it before you " + what
                : "Only the owner of issue " + issue.number + " (" + issue.ownerName + ") or a supervisor may " + what);
    }

    /** Who decides which locations see the issue: its owner, a supervisor, or the system; not a partner. */
    public static void requireMayShare(Issue issue, Actor actor, String what) {
        if (actor.role() == ActorRole.system) {
            return;
        }
        if (actor.role() == ActorRole.partner) {
            throw new NotPermitted("Partners do not decide which locations see issue " + issue.number
                    + "; its owner or a supervisor does");
        }
        requireOwnerOrSupervisor(issue, actor, what);
    }

    /**
     * Who records a resolution action: the owner or a supervisor any kind; a partner (already limited to issues shared
     * with their location) only a repair booking or its completion.
     */
    public static void requireMayTakeAction(Issue issue, Actor actor, ActionKind kind) {
        if (actor.role() != ActorRole.partner) {
            requireOwnerOrSupervisor(issue, actor, "take a resolution action");
        } else if (!kind.partnerMay()) {
            throw new NotPermitted("Partners record only repair and repair_done actions; a " + kind
                    + " on issue " + issue.number + " is for its owner or a supervisor");
        }
    }

    /** Only the current owner closes an issue on the staff side (the customer closes through the status page). */
    public static void requireOwner(Issue issue, Actor actor, String what) {
        if (!issue.isOwnedBy(actor.id())) {
            throw new NotPermitted("Only the owner of issue " + issue.number
                    + (issue.ownerName == null ? "" : " (" + issue.ownerName + ")") + " may " + what);
        }
    }

    /** A closed issue takes comments and a reopen, nothing else. */
    public static void requireNotClosed(Issue issue, String attempted) {
        if (issue.status == IssueStatus.closed) {
            throw new TransitionRefused(issue.status, attempted);
        }
    }
}
