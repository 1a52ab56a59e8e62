package dev.anchor.blocks.refusal;

/** Nothing is known under this id, or nothing the caller may see (404: not told apart on purpose). */
public class NotFound extends RuntimeException {

    private final String what;
    private final transient Object id;

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
