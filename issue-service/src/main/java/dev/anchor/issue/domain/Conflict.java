package dev.anchor.issue.domain;

/** The issue's state contradicts the request (it already has an owner): answered 409. */
public class Conflict extends RuntimeException {

    public Conflict(String detail) {
        super(detail);
    }
}
