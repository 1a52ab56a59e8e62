package dev.anchor.customer.domain;

/** The channels a customer can choose to be told on. */
public enum Channel {
    email, sms
}
