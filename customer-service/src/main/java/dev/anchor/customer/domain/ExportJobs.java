package dev.anchor.customer.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where export jobs and their parts are kept (implemented in persistence/). */
public interface ExportJobs {

    void add(ExportJob job);

    Optional<ExportJob> byId(UUID id);

    /** Stores {@code service}'s part of the export unless it already has one; true when stored. */
    boolean addPart(UUID exportId, String service, JsonNode part, OffsetDateTime receivedAt);

    /** The parts received so far, in the order they arrived. */
    List<ReceivedPart> parts(UUID exportId);

    /** Deletes every export of these customers with its parts. */
    void deleteFor(Collection<UUID> customerIds);

    /** Deletes the exports requested before {@code cutoff} with their parts; the number deleted. */
    int deleteRequestedBefore(OffsetDateTime cutoff);
}
