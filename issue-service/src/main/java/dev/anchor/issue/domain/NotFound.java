package dev.anchor.issue.domain;

/** There is no such issue (or none the caller may see): answered 404. */
public class NotFound extends RuntimeException {

    private final String what;
    private final Object id;

    public NotFound(String what, Object id) {
        super(what + " " + id + " does not exist");
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public Object id() {
        return id;
    }
}
