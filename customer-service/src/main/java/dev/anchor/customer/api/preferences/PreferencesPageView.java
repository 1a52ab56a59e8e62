package dev.anchor.customer.api.preferences;

import io.quarkus.qute.TemplateData;

import java.util.List;
import java.util.Map;

/**
 * The preferences form as the page shows it: the customer's current choices (or what they just sent, when it had
 * errors), the channels they have an address or number for — never the address or number itself —, and the banner or
 * error summary of the last submission.
 */
@TemplateData
public record PreferencesPageView(
        String token,
        long version,
        List<Choice> channels,
        String channelHidden,
        List<Choice> fallback,
        String fallbackHidden,
        boolean service,
        boolean marketing,
        String quietStart,
        String quietEnd,
        String timeZone,
        boolean saved,
        boolean stale,
        List<FieldError> errors,
        Map<String, String> error) {

    /** One radio button. */
    @TemplateData
    public record Choice(String id, String value, String label, boolean checked) {
    }

    /** One entry of the error summary: the id of the field it links to, and what to do. */
    @TemplateData
    public record FieldError(String field, String anchor, String message) {
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
