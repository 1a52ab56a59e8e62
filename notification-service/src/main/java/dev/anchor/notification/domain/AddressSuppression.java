package dev.anchor.notification.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** An address that hard-bounced or complained; never written to again (a changed address is not in here). */
@Entity
@Table(name = "address_suppression")
public class AddressSuppression {

    @Embeddable
    public record Key(String channel, String address) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public String reason;
    public OffsetDateTime createdAt;
}
