package dev.anchor.customer.api.preferences;

import io.quarkus.qute.TemplateData;

import java.util.List;

/** A page that says why nothing happened, in words that reveal nothing about any customer. */
@TemplateData
public record RefusalPageView(String title, List<String> paragraphs) {
}
