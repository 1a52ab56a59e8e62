package dev.anchor.customer.domain;

/**
 * A link from a message that opens nothing: not signed with our key, made for another purpose, expired, or naming no
 * customer we know. Deliberately without detail, so the answer reveals nothing about any customer.
 */
public class InvalidLink extends RuntimeException {

    public InvalidLink() {
        super("The link is not valid", null, false, false);
    }
}
