package dev.anchor.issue.domain;

import dev.anchor.issue.events.out.IssueEvent;
import dev.anchor.issue.events.out.IssueState;

import java.util.List;

/** The issue and its actors as issue events carry them (the records of events/out, made from the domain's). */
final class EventRecords {

    private EventRecords() {
    }

    static IssueState issue(Issue issue) {
        NextAction next = issue.nextAction();
        return new IssueState(issue.id, issue.number, issue.customerId, issue.title, issue.description, issue.category,
                name(issue.priority), name(issue.channel), name(issue.status), issue.status.agentLabel(),
                issue.status.customerLabel(), person(issue.owner()),
                next == null ? null : new IssueState.NextAction(next.what(), name(next.who()), next.dueAt(),
                        next.locationId(), place(next.place()), next.revisedDueAt()),
                issue.linkedIssueId, issue.locationId, issue.sharedWith(), appointment(issue.appointment),
                issue.status == IssueStatus.resolved ? issue.closesAt : null,
                issue.status == IssueStatus.closed ? issue.reopenableUntil : null,
                issue.version, issue.openedAt, issue.updatedAt);
    }

    static IssueState.Place place(Place place) {
        if (place == null) {
            return null;
        }
        Place.Address a = place.address();
        return new IssueState.Place(place.locationId(), place.name(), name(place.kind()),
                new IssueState.Address(a.lines(), a.city(), a.postalCode(), a.country()), place.phone(), place.timeZone(),
                place.openingHours() == null ? List.of() : place.openingHours().stream().map(h -> new IssueState.Hours(
                        h.days().stream().map(Enum::name).toList(), h.opens(), h.closes())).toList());
    }

    static IssueState.Appointment appointment(Appointment appointment) {
        return appointment == null ? null : new IssueState.Appointment(appointment.actionId(), name(appointment.kind()),
                appointment.scheduledAt(), place(appointment.place()), appointment.bring());
    }

    /** The party an actor acts as: staff are {@code agent}, a partner {@code partner}, the customer {@code customer}. */
    static String party(Actor actor) {
        return switch (actor.role()) {
            case customer -> Party.customer.name();
            case partner -> Party.partner.name();
            default -> Party.agent.name();
        };
    }

    static IssueEvent.Actor actor(Actor actor) {
        return new IssueEvent.Actor(name(actor.role()), actor.id(), actor.displayName(), actor.channel());
    }

    static IssueState.Person person(Person person) {
        return person == null ? null : new IssueState.Person(person.id(), person.displayName());
    }

    /** An enum as events spell it: its lower-case name (null stays null). */
    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
