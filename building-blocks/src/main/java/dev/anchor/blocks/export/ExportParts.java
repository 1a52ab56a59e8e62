package dev.anchor.blocks.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.inbox.Inbox;
import dev.anchor.blocks.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;

/**
 * Publishes this service's part of a subject-access export through the outbox, so a part is sent once its reading
 * commits and never without it; customer-service requests exports and assembles the parts (docs/security.md).
 */
@ApplicationScoped
public class ExportParts {

    /** The topic every service publishes its parts on. */
    public static final String TOPIC = "export.parts";
    /** The CloudEvent type of a part. */
    public static final String TYPE = "export.part";

    private final Outbox outbox;
    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final String service;

    public ExportParts(Outbox outbox, Inbox inbox, ObjectMapper mapper,
                       @ConfigProperty(name = "quarkus.application.name") String service) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.mapper = mapper;
        this.service = service;
    }

    /**
     * Records {@code part} (any object Jackson maps) as this service's answer to export {@code exportId}, once: the
     * export's id is claimed in the inbox, so a second request for the same export (under another event id)
     * contributes nothing.
     * @return false when this service had answered that export already
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean contribute(UUID exportId, UUID customerId, Object part) {
        if (!inbox.firstDelivery(service + ".export-parts", exportId)) {
            return false;
        }
        outbox.record(TOPIC, TYPE, customerId,
                new ExportPart(exportId, customerId, service, mapper.valueToTree(part)));
        return true;
    }
}
