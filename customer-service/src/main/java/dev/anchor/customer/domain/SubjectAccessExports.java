package dev.anchor.customer.domain;

import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.EventData;
import dev.anchor.blocks.events.MalformedEvent;
import dev.anchor.blocks.export.ExportParts;
import dev.anchor.blocks.refusal.Conflict;
import dev.anchor.blocks.refusal.Gone;
import dev.anchor.blocks.refusal.NotFound;
import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.customer.events.out.CustomerEvents;
import dev.anchor.customer.events.out.ExportRequested;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A subject access export without one service calling another: the request is stored and announced on
 * customer.events (customer.export-requested, in order with the customer's other events), each contributing service
 * answers with its part on export.parts, and the document is assembled from the parts and the customer's own record.
 * Exports hold personal data: they are deleted after the retention and when the customer is erased.
 */
@ApplicationScoped
public class SubjectAccessExports {

    private static final Logger LOG = Logger.getLogger(SubjectAccessExports.class);

    private final Customers customers;
    private final ExportJobs jobs;
    private final CustomerEvents events;
    private final ExportSettings settings;
    private final Clock clock;

    public SubjectAccessExports(Customers customers, ExportJobs jobs, CustomerEvents events, ExportSettings settings,
                                Clock clock) {
        this.customers = customers;
        this.jobs = jobs;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts an export of an active customer; a merged record is a conflict (export the survivor), an erased one gone. */
    @Transactional
    public ExportProgress request(UUID customerId) {
        Customer customer = customers.existing(customerId);
        switch (customer.status) {
            case merged -> throw new Conflict("Customer " + customerId + " was merged into " + customer.mergedInto
                    + "; export that record");
            case erased -> throw new Gone("Customer " + customerId + " was erased");
            case active -> { }
        }
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID();
        job.customerId = customerId;
        job.requestedAt = ServiceClock.now(clock);
        jobs.add(job);
        events.exportRequested(new ExportRequested(job.id, customerId, job.requestedAt));
        return progress(job, List.of());
    }

    /** The export as it stands; 404 unless {@code exportId} is an export of {@code customerId}. */
    @Transactional
    public ExportProgress read(UUID customerId, UUID exportId) {
        customers.existing(customerId);
        ExportJob job = jobs.byId(exportId).filter(j -> j.customerId.equals(customerId))
                .orElseThrow(() -> new NotFound("Export", exportId));
        return progress(job, jobs.parts(exportId));
    }

    /**
     * Stores a contributor's part (export.part), once per service and export. A part of an export this service does
     * not hold (never requested, purged, or its customer erased) or from a service that is not a contributor is
     * ignored; a part naming another customer than its export breaks the contract.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(CloudEvent event) {
        if (!ExportParts.TYPE.equals(event.type())) {
            LOG.debugf("customer-service ignores %s on export.parts", event.type());
            return;
        }
        EventData data = EventData.of(event);
        UUID exportId = data.uuid("exportId");
        UUID customerId = data.uuid("customerId");
        String service = data.text("service");
        EventData part = data.object("part");
        if (part.json().toString().contains("\\u0000")) {
            throw new MalformedEvent("export.part of " + service + " holds a NUL character, which cannot be stored");
        }
        Optional<ExportJob> job = jobs.byId(exportId);
        if (job.isEmpty()) {
            LOG.infof("Part of export %s from %s ignored: no such export (purged, erased or never requested)",
                    exportId, service);
            return;
        }
        if (!job.get().customerId.equals(customerId)) {
            throw new MalformedEvent("export.part for export " + exportId + " names customer " + customerId
                    + ", not the export's customer");
        }
        if (!settings.contributors().contains(service)) {
            LOG.infof("Part of export %s from %s ignored: not a contributor (anchor.export.contributors)", exportId, service);
            return;
        }
        if (!jobs.addPart(exportId, service, part.json(), ServiceClock.now(clock))) {
            LOG.debugf("Export %s already has the part of %s", exportId, service);
        }
    }

    /** Deletes the exports older than the retention: they hold personal data that was meant to be downloaded. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purge() {
        int deleted = jobs.deleteRequestedBefore(ServiceClock.now(clock).minus(settings.retention()));
        if (deleted > 0) {
            LOG.infof("Purged %d exports older than %s", deleted, settings.retention());
        }
    }

    private ExportProgress progress(ExportJob job, List<ReceivedPart> parts) {
        Map<String, ReceivedPart> byService = parts.stream()
                .collect(Collectors.toMap(ReceivedPart::service, Function.identity(), (first, second) -> first));
        List<ReceivedPart> received = settings.contributors().stream().filter(byService::containsKey)
                .map(byService::get).toList();
        List<String> awaiting = settings.contributors().stream().filter(s -> !byService.containsKey(s)).toList();
        OffsetDateTime now = ServiceClock.now(clock);
        OffsetDateTime deadline = job.requestedAt.plus(settings.deadline());
        if (awaiting.isEmpty()) {
            OffsetDateTime lastArrival = received.stream().map(ReceivedPart::receivedAt)
                    .max(Comparator.naturalOrder()).orElse(job.requestedAt);
            return new ExportProgress(job, ExportStatus.complete, received, awaiting, lastArrival, record(job, now));
        }
        if (!now.isBefore(deadline)) {
            return new ExportProgress(job, ExportStatus.incomplete, received, awaiting, deadline, record(job, now));
        }
        return new ExportProgress(job, ExportStatus.pending, received, awaiting, null, null);
    }

    /** customer-service's own part: the record as it is now, and those merged into it. */
    private CustomerExport record(ExportJob job, OffsetDateTime now) {
        return new CustomerExport(now, customers.existing(job.customerId), customers.mergedInto(job.customerId));
    }
}
