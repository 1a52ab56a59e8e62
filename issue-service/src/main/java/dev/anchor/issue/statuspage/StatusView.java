package dev.anchor.issue.statuspage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.qute.TemplateData;

import java.time.OffsetDateTime;
import java.util.List;

/** What the customer's status page shows, as HTML and as JSON: public facts only, in their language and time zone. */
@TemplateData
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusView(
        String number,
        String title,
        String status,
        String statusLabel,
        String ownerName,
        Next nextAction,
        List<Line> history,
        boolean closed,
        String language,
        String timeZone,
        @JsonIgnore String notice,
        @JsonIgnore java.util.Map<String, String> text) {

    /** The next expected action with its due time as the customer reads it. */
    @TemplateData
    public record Next(String what, String who, String whoLabel, OffsetDateTime dueAt, String dueText) {
    }

    /** One public entry of the history. */
    @TemplateData
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String kind, String label, String by, String text, OffsetDateTime at, String atText, String isoAt,
                       Back back) {
    }

    /** On a handoff: the previous owner, and when they are back, as the customer reads it. */
    @TemplateData
    public record Back(String name, String label, OffsetDateTime at, String atText, String isoAt) {
    }
}
