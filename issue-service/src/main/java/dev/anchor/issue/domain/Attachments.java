package dev.anchor.issue.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The files sent with issues, their bytes kept with them (in persistence/). */
public interface Attachments {

    void add(Attachment attachment, byte[] content);

    /** The issue's files, oldest first. */
    List<Attachment> ofIssue(UUID issueId);

    long countOf(UUID issueId);

    /** One file of the issue; empty when the issue holds no such file. */
    Optional<Attachment> find(UUID issueId, UUID attachmentId);

    /** The bytes of a file {@link #find} found. */
    byte[] content(UUID attachmentId);

    /** Deletes every file of the issue, bytes and all; returns how many. */
    int deleteOf(UUID issueId);
}
