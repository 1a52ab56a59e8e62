package dev.anchor.notification.domain;

/** A provider's report names a notification it does not belong to (another address, another provider id). */
public class ReportMismatch extends RuntimeException {

    public ReportMismatch(String detail) {
        super(detail);
    }
}
