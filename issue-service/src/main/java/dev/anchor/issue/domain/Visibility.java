package dev.anchor.issue.domain;

/** A timeline entry or comment the customer sees ({@code public}) or only staff ({@code internal}). */
public enum Visibility {
    @com.fasterxml.jackson.annotation.JsonProperty("public") PUBLIC,
    @com.fasterxml.jackson.annotation.JsonProperty("internal") INTERNAL;

    public String wire() {
        return name().toLowerCase();
    }
}
