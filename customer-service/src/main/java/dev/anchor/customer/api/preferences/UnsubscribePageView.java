package dev.anchor.customer.api.preferences;

import dev.anchor.blocks.page.PageText;
import io.quarkus.qute.TemplateData;

/**
 * The unsubscribe pages: {@code ask} (the GET: "Stop … emails?" with a button that posts), {@code already} (consent
 * already withdrawn), {@code done} (the confirmation panel after the POST) and {@code critical} (critical messages cannot
 * be stopped). Each links to the customer's preferences page with a link made here that lasts no longer than theirs.
 * {@code heading}, {@code body} and {@code button} are the words for the state and category.
 */
@TemplateData
public record UnsubscribePageView(String state, String category, String heading, String body, String button,
                                  String formAction, String preferencesLink) {

    static UnsubscribePageView of(String state, String category, PageText text, String formAction,
                                  String preferencesLink) {
        String heading = switch (state) {
            case "ask" -> text.get("unsubscribe.title." + category);
            case "already" -> text.get("already." + category);
            case "done" -> text.get("done.title." + category);
            default -> text.get("critical.title");
        };
        String body = switch (state) {
            case "ask" -> text.get("unsubscribe.body." + category);
            case "done" -> text.get("done.body");
            case "critical" -> text.get("critical.body");
            default -> text.get("unsubscribe.critical");
        };
        return new UnsubscribePageView(state, category, heading, body, text.get("unsubscribe.button." + category),
                formAction, preferencesLink);
    }
}
