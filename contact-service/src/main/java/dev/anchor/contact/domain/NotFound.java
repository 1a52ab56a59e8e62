package dev.anchor.contact.domain;

/** Nothing is known under this id, or nothing the caller may see (a partner asking for another location's contact). */
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
