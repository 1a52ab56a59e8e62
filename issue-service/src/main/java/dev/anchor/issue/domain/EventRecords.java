package dev.anchor.issue.domain;

import dev.anchor.issue.events.out.IssueEvent;
import dev.anchor.issue.events.out.IssueState;

/** The issue and its actors as issue events carry them (the records of events/out, made from the domain's). */
final class EventRecords {

    private EventRecords() {
    }

    static IssueState issue(Issue issue) {
        NextAction next = issue.nextAction();
        return new IssueState(issue.id, issue.number, issue.customerId, issue.title, issue.description, issue.category,
                name(issue.priority), name(issue.channel), name(issue.status), issue.status.agentLabel(),
                issue.status.customerLabel(), person(issue.owner()),
                next == null ? null : new IssueState.NextAction(next.what(), name(next.who()), next.dueAt()),
                issue.linkedIssueId, issue.locationId, issue.version, issue.openedAt, issue.updatedAt);
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
