package dev.anchor.notification.domain;

/** A provider's report contradicts what the notification went through (e.g. delivered, but it was never sent). */
public class ReportConflict extends RuntimeException {

    public ReportConflict(String detail) {
        super(detail);
    }
}
