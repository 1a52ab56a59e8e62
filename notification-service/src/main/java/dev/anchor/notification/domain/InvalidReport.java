package dev.anchor.notification.domain;

/** A provider's report with a value providers do not send (an unknown status or type), on {@code field}. */
public class InvalidReport extends RuntimeException {

    private final String field;

    public InvalidReport(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
