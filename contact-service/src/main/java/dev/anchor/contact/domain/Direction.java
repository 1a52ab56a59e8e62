package dev.anchor.contact.domain;

/** Who reached out: the customer (inbound) or we (outbound). */
public enum Direction {
    inbound, outbound
}
