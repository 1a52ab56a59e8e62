package dev.anchor.issue.domain;

/** Where an issue was raised or a change came through. */
public enum RaisedChannel {
    phone, email, chat, sms, store, letter, web, social, video
}
