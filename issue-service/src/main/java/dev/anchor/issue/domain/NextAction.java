package dev.anchor.issue.domain;

import java.time.OffsetDateTime;

/** The next expected action on an issue: what happens, who does it, and by when. */
public record NextAction(String what, Party who, OffsetDateTime dueAt) {
}
