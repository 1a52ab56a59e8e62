package dev.anchor.customer.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The customer aggregate: one person's contact details, addresses, references and preferences. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public CustomerStatus status;

    public String givenName;
    public String familyName;

    @ElementCollection
    @CollectionTable(name = "customer_email", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "position")
    public List<EmailAddress> emails = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "customer_phone", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "position")
    public List<PhoneNumber> phones = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "customer_address", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "position")
    public List<PostalAddress> addresses = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "customer_external_reference", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "position")
    public List<ExternalReference> externalReferences = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Channel preferredChannel;
    public boolean fallbackAllowed;
    public String language;
    public String timeZone;
    public LocalTime quietStart;
    public LocalTime quietEnd;
    public boolean consentService;
    public boolean consentMarketing;

    public UUID mergedInto;

    @Version
    public long version;

    @Column(nullable = false)
    public OffsetDateTime createdAt;
    @Column(nullable = false)
    public OffsetDateTime updatedAt;
    public OffsetDateTime erasedAt;

    public String displayName() {
        return familyName == null || familyName.isBlank() ? givenName : givenName + " " + familyName;
    }

    public Preferences preferences() {
        Preferences.QuietHours quiet = quietStart == null ? null : new Preferences.QuietHours(quietStart, quietEnd);
        return new Preferences(preferredChannel, fallbackAllowed, language, timeZone, quiet,
                new Preferences.Consent(true, consentService, consentMarketing));
    }

    public CustomerDraft draft() {
        return new CustomerDraft(givenName, familyName, List.copyOf(emails), List.copyOf(phones),
                List.copyOf(addresses), List.copyOf(externalReferences), preferences());
    }

    void applyPreferences(Preferences preferences) {
        preferredChannel = preferences.preferredChannel();
        fallbackAllowed = preferences.fallbackAllowed();
        language = preferences.language();
        timeZone = preferences.timeZone();
        quietStart = preferences.quietHours() == null ? null : preferences.quietHours().start();
        quietEnd = preferences.quietHours() == null ? null : preferences.quietHours().end();
        consentService = preferences.consent().service();
        consentMarketing = preferences.consent().marketing();
    }

    /** Removes every piece of personal data; the id and the fact of erasure remain. */
    void erase(OffsetDateTime now) {
        status = CustomerStatus.erased;
        givenName = null;
        familyName = null;
        emails.clear();
        phones.clear();
        addresses.clear();
        externalReferences.clear();
        quietStart = null;
        quietEnd = null;
        timeZone = null;
        language = null;
        preferredChannel = null;
        erasedAt = now;
        updatedAt = now;
    }
}
