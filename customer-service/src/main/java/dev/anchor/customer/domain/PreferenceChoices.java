package dev.anchor.customer.domain;

/**
 * What the customer chooses on their preferences page: the rest of their preferences (language, time zone) stays as
 * it is. Quiet hours may be null (none).
 */
public record PreferenceChoices(Channel preferredChannel, boolean fallbackAllowed, boolean service, boolean marketing,
                                Preferences.QuietHours quietHours) {
}
