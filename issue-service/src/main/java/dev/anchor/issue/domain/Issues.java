package dev.anchor.issue.domain;

import dev.anchor.blocks.http.Paging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The issues, as the domain needs to find and keep them (queried in persistence/). */
public interface Issues {

    /** The issue, or null when there is none. */
    Issue byId(UUID id);

    Optional<Issue> byNumber(String number);

    boolean numberTaken(String number);

    /** The issue locked for the rest of the transaction, as committed now (null when there is none). */
    Issue lock(UUID id);

    void add(Issue issue);

    /** Writes pending changes now, so an issue's version moves on before its event is written. */
    void flush();

    /** Issues matching {@code filter}, newest first; {@code now} decides what is overdue. */
    Paging.Page<Issue> search(IssueFilter filter, Paging paging, OffsetDateTime now);

    /** Issues whose next action is past due and not yet announced. */
    List<Issue> overdueNextActions(OffsetDateTime now, int limit);

    /** Issues with a running SLA clock that ran out and was not yet announced. */
    List<Issue> slaBreaches(OffsetDateTime now, int limit);

    List<Issue> ofCustomer(UUID customerId);

    /** Resolved issues whose {@code closesAt} passed: they close themselves. */
    List<Issue> dueToClose(OffsetDateTime now, int limit);
}
