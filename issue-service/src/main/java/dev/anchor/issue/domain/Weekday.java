package dev.anchor.issue.domain;

import java.time.DayOfWeek;

/** A day of the week as opening hours spell it ({@code monday} … {@code sunday}). */
public enum Weekday {
    monday, tuesday, wednesday, thursday, friday, saturday, sunday;

    public DayOfWeek dayOfWeek() {
        return DayOfWeek.of(ordinal() + 1);
    }
}
