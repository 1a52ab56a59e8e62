package dev.anchor.customer.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.customer.domain.ExportProgress;
import dev.anchor.customer.domain.ExportStatus;
import dev.anchor.customer.domain.ReceivedPart;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The assembled subject access export: customer-service's own record under {@code customer}, and each contributing
 * service's part under its name in camel case ({@code issueService}, {@code contactService},
 * {@code notificationService}), so a reader knows who holds what. An export past its deadline lists the services whose
 * part never came under {@code missing}.
 */
@JsonPropertyOrder({"exportId", "customerId", "requestedAt", "completedAt", "status", "missing", "customer"})
@RegisterForReflection // serialised by Jackson outside a REST return type (native image)
@Schema(description = "customer is customer-service's record; each contributing service's part follows under its "
        + "name in camel case: issueService, contactService, notificationService (a JSON object each)")
public record ExportDocumentView(UUID exportId, UUID customerId, OffsetDateTime requestedAt, OffsetDateTime completedAt,
                                 ExportStatus status, List<String> missing, CustomerExportView customer,
                                 @JsonAnyGetter @Schema(hidden = true) Map<String, JsonNode> parts) {

    /** Must be called inside the transaction that read the progress (the customer's lists load lazily). */
    public static ExportDocumentView of(ExportProgress progress) {
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        for (ReceivedPart part : progress.received()) {
            parts.put(key(part.service()), part.part());
        }
        return new ExportDocumentView(progress.job().id, progress.job().customerId, progress.job().requestedAt,
                progress.completedAt(), progress.status(), progress.awaiting().isEmpty() ? null : progress.awaiting(),
                CustomerExportView.of(progress.customer()), parts);
    }

    /** {@code issue-service} → {@code issueService}. */
    static String key(String service) {
        StringBuilder key = new StringBuilder();
        boolean upper = false;
        for (char c : service.toCharArray()) {
            if (c == '-' || c == '_' || c == '.') {
                upper = !key.isEmpty();
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }
}
