package dev.anchor.issue.domain;

import dev.anchor.blocks.refusal.InvalidFields;

import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.issue.events.out.IssueChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Working an issue: the next expected action, comments, and resolution actions on the record. */
@ApplicationScoped
public class IssueCasework {

    private final IssueJournal journal;
    private final IssueSharing sharing;
    private final CustomerErasure erasure;
    private final LocationDirectory directory;
    private final Clock clock;

    public IssueCasework(IssueJournal journal, IssueSharing sharing, CustomerErasure erasure, LocationDirectory directory,
                         Clock clock) {
        this.journal = journal;
        this.sharing = sharing;
        this.erasure = erasure;
        this.directory = directory;
        this.clock = clock;
    }

    /** Why a next action ends ({@code issue.next-action-completed}'s {@code reason}). */
    public enum Completion {
        ANSWERED("answered"), DONE("done"), ISSUE_RESOLVED("issue-resolved"), ISSUE_CLOSED("issue-closed");

        private final String wire;

        Completion(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /**
     * Ends the issue's next action, if it has one: published as issue.next-action-completed (the issue has no next
     * action afterwards), with who ended it and why. Nothing happens when there is none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeNextAction(Issue issue, Actor actor, Completion reason) {
        NextAction next = issue.nextAction();
        if (next == null) {
            return;
        }
        issue.clearNextAction();
        issue.updatedAt = ServiceClock.now(clock);
        String party = EventRecords.party(actor);
        journal.record(issue, actor, new IssueChange.NextActionCompleted(next.what(), next.who().name(), next.dueAt(),
                        next.locationId(), party, reason.wire()),
                IssueJournal.Entry.publicly("Next step over (" + reason.wire() + "): " + next.what(), next.what())
                        .with(IssueJournal.facts("who", next.who().name(), "dueAt", next.dueAt().toString(),
                                "reason", reason.wire(), "completedBy", party)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issue setNextAction(Issue issue, NextAction next, Actor actor) {
        IssueRules.requireNotClosed(issue, "take a next action");
        IssueRules.requireOwnerOrSupervisor(issue, actor, "set its next action");
        if (sameAsCurrent(issue, next)) {
            return issue; // the same what, who and by-when again: nothing changes, nothing is recorded or published
        }
        OffsetDateTime now = ServiceClock.now(clock);
        if (!next.dueAt().isAfter(now)) {
            throw InvalidFields.of("dueAt", "must be in the future");
        }
        String location = next.locationId() == null ? null : Locations.require("locationId", next.locationId());
        // The customer was erased: staff may still plan the work, but its text about them is not kept.
        issue.nextWhat = erasure.customerErased(issue.id) ? CustomerErasure.ERASED : next.what().strip();
        issue.nextWho = next.who();
        issue.nextDueAt = next.dueAt();
        issue.nextLocationId = location;
        issue.nextPlace = directory.placeOf(location); // a snapshot of the directory's entry, when it knows the place
        issue.nextOverdueRaised = false;
        issue.nextRevisedDueAt = null; // a new step carries its own due time, not the old one's promise
        issue.updatedAt = now;
        respond(issue, actor, now);
        journal.record(issue, actor,
                new IssueChange.NextActionSet(issue.nextWhat, issue.nextWho.name(), issue.nextDueAt, location),
                IssueJournal.Entry.publicly("Next: " + issue.nextWhat + " (" + issue.nextWho + ", by " + issue.nextDueAt
                        + (location == null ? "" : ", at " + location) + ")", issue.nextWhat)
                        .with(IssueJournal.facts("who", issue.nextWho.name(), "dueAt", issue.nextDueAt.toString(),
                                "locationName", issue.nextPlace == null ? null : issue.nextPlace.name())));
        if (location != null) {
            sharing.shareAsPartOfChange(issue, location, actor); // where the work happens sees the issue
        }
        return issue;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry comment(Issue issue, String text, Visibility visibility, Actor actor) {
        UUID commentId = UUID.randomUUID();
        String stripped = text.strip();
        OffsetDateTime now = ServiceClock.now(clock);
        if (visibility == Visibility.PUBLIC) {
            respond(issue, actor, now);
        }
        issue.updatedAt = now;
        var entry = new IssueJournal.Entry(visibility, "Comment from " + actor.displayName(), stripped);
        var author = new IssueChange.Commented.Author(actor.role().name(), actor.id(), actor.displayName());
        return journal.record(issue, actor, new IssueChange.Commented(commentId, visibility.wire(), author, stripped),
                entry, commentId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry takeAction(Issue issue, ResolutionAction action, Actor actor) {
        IssueRules.requireNotClosed(issue, "take a resolution action");
        IssueRules.requireMayTakeAction(issue, actor, action.kind());
        validate(action);
        Place place = action.locationId() == null ? null : directory.requirePlace("locationId", action.locationId());
        UUID actionId = UUID.randomUUID();
        OffsetDateTime now = ServiceClock.now(clock);
        respond(issue, actor, now);
        issue.updatedAt = now;
        String note = action.note() == null || action.note().isBlank() ? null : action.note().strip();
        String freePlace = action.place() == null || action.place().isBlank() ? null : action.place().strip();
        if (action.kind().isBooking() && place != null) {
            // The newest booking at a known place is the appointment the customer sees (it replaces an older one).
            issue.appointment = new Appointment(actionId, action.kind(), action.scheduledAt(), place,
                    note == null || erasure.customerErased(issue.id) ? null : note);
        } else if (action.kind() == ActionKind.repair_done) {
            issue.appointment = null;
        }
        String shownPlace = freePlace != null ? freePlace : place == null ? null : place.name();
        var change = new IssueChange.ActionTaken(actionId, action.kind().name(), action.amount(), action.currency(),
                shownPlace, action.scheduledAt(), note, EventRecords.place(place));
        TimelineEntry entry = journal.record(issue, actor, change, IssueJournal.Entry.publicly(describe(action, shownPlace), note)
                .with(IssueJournal.facts("action", action.kind().name(),
                        "amount", action.amount() == null ? null : action.amount().toPlainString(),
                        "currency", action.currency(),
                        "scheduledAt", action.scheduledAt() == null ? null : action.scheduledAt().toString(),
                        "place", freePlace, "locationName", place == null ? null : place.name())), actionId);
        if (action.kind() == ActionKind.repair_done && issue.nextWho == Party.partner) {
            completeNextAction(issue, actor, Completion.DONE);
        }
        if (place != null) {
            sharing.shareAsPartOfChange(issue, place.locationId(), actor); // where it happens sees the issue
        }
        return entry;
    }

    /** The first thing staff do that the customer sees stops the first-response clock. */
    static void respond(Issue issue, Actor actor, OffsetDateTime now) {
        if (issue.firstResponseAt == null && actor.role() != ActorRole.customer) {
            issue.firstResponseAt = now;
        }
    }

    /** The staff trail's summary (English, for staff; the customer's page words the entry from its facts). */
    private static String describe(ResolutionAction action, String place) {
        return switch (action.kind()) {
            case refund -> "Refund of " + action.amount().toPlainString() + " " + action.currency();
            case replacement -> "Replacement arranged";
            case repair -> "Repair booked at " + place + " for " + action.scheduledAt();
            case repair_done -> place == null ? "Repair done" : "Repair done at " + place;
            case visit -> "Visit booked at " + place + " for " + action.scheduledAt();
            case other -> "Action taken";
        };
    }

    private static void validate(ResolutionAction action) {
        List<InvalidFields.Field> errors = new ArrayList<>();
        switch (action.kind()) {
            case refund -> {
                if (action.amount() == null) {
                    errors.add(new InvalidFields.Field("amount", "is required for a refund"));
                }
                if (action.currency() == null) {
                    errors.add(new InvalidFields.Field("currency", "is required for a refund"));
                }
            }
            case repair -> {
                if ((action.place() == null || action.place().isBlank()) && action.locationId() == null) {
                    errors.add(new InvalidFields.Field("place", "is required for a repair booking (or a locationId)"));
                }
                if (action.scheduledAt() == null) {
                    errors.add(new InvalidFields.Field("scheduledAt", "is required for a repair booking"));
                }
            }
            case visit -> {
                if (action.locationId() == null) {
                    errors.add(new InvalidFields.Field("locationId", "is required for a visit booking"));
                }
                if (action.scheduledAt() == null) {
                    errors.add(new InvalidFields.Field("scheduledAt", "is required for a visit booking"));
                }
            }
            case other -> {
                if (action.note() == null || action.note().isBlank()) {
                    errors.add(new InvalidFields.Field("note", "must say what was done"));
                }
            }
            case replacement, repair_done -> {
            }
        }
        if (action.kind() != ActionKind.refund && (action.amount() != null || action.currency() != null)) {
            errors.add(new InvalidFields.Field(action.amount() != null ? "amount" : "currency", "only a refund has an amount"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields("The action is incomplete", errors);
        }
    }

    private static boolean sameAsCurrent(Issue issue, NextAction next) {
        return issue.nextWhat != null && next.what() != null && next.dueAt() != null
                && issue.nextWhat.equals(next.what().strip()) && issue.nextWho == next.who()
                && issue.nextDueAt != null && issue.nextDueAt.isEqual(next.dueAt())
                && Objects.equals(issue.nextLocationId, next.locationId());
    }
}
