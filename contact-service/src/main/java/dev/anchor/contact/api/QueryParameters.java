package dev.anchor.contact.api;

import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.contact.domain.Channel;
import dev.anchor.contact.domain.TimelineEntry;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/** Query parameters read as text and checked here, so a malformed one is a 400 naming it (not a bare 404). */
final class QueryParameters {

    static final Set<String> KINDS = Set.of(TimelineEntry.CONTACT, TimelineEntry.ISSUE, TimelineEntry.NOTIFICATION);

    private QueryParameters() {
    }

    static Paging paging(String page, String size) {
        return Paging.of(integer("page", page), integer("size", size));
    }

    static Channel channel(String value) {
        if (blank(value)) {
            return null;
        }
        Channel channel = Channel.parseOrNull(value.trim());
        if (channel == null) {
            throw Problems.invalidField("channel", "must be one of phone, email, chat, sms, store, letter, web, social, video");
        }
        return channel;
    }

    static String kind(String value) {
        if (blank(value)) {
            return null;
        }
        if (!KINDS.contains(value.trim())) {
            throw Problems.invalidField("kind", "must be one of contact, issue, notification");
        }
        return value.trim();
    }

    static UUID uuid(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(name, "must be a UUID");
        }
    }

    static OffsetDateTime time(String name, String value) {
        if (blank(value)) {
            return null;
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(name, "must be an ISO 8601 date-time with offset, e.g. 2026-11-23T09:00:00Z");
        }
        // PostgreSQL's timestamps end at year 294276; no real period starts outside these years
        if (time.getYear() < 1 || time.getYear() > 9999) {
            throw Problems.invalidField(name, "must be within the years 1–9999");
        }
        return time;
    }

    private static Integer integer(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalidField(name, "must be a whole number");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
