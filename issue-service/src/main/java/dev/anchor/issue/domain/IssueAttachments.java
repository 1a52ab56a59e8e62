package dev.anchor.issue.domain;

import dev.anchor.blocks.files.FileType;
import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.issue.events.out.IssueChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Files sent with an issue: what is accepted (a photo or a PDF, recognised by its bytes, within the size limit, with a
 * name that does not claim another type, up to a number per issue), storing one with its trail entry and
 * {@code issue.attachment-added} in the caller's transaction, and reading them back.
 */
@ApplicationScoped
public class IssueAttachments {

    /** Why a file is not taken; nothing is stored then. */
    public enum Refusal { MISSING, TOO_LARGE, WRONG_TYPE, TOO_MANY }

    /** The extensions a name may end in for each type; a name with another known extension lies about its type. */
    private static final Map<FileType, Set<String>> EXTENSIONS = Map.of(
            FileType.JPEG, Set.of("jpg", "jpeg", "jpe", "jfif"), FileType.PNG, Set.of("png"),
            FileType.HEIC, Set.of("heic", "heif"), FileType.PDF, Set.of("pdf"));
    private static final int MAX_NAME = 100;

    private final Attachments attachments;
    private final AttachmentSettings settings;
    private final IssueJournal journal;
    private final Clock clock;

    public IssueAttachments(Attachments attachments, AttachmentSettings settings, IssueJournal journal, Clock clock) {
        this.attachments = attachments;
        this.settings = settings;
        this.journal = journal;
        this.clock = clock;
    }

    /** A file as it arrived: the name the sender gave (may be null) and its bytes. */
    public record Upload(String declaredName, byte[] content) {
    }

    /** A file that passed {@link #check}: its sanitised name and detected type. */
    public record Accepted(String fileName, FileType type, byte[] content) {
    }

    public long maxFileSize() {
        return settings.maxFileSize().asLongValue();
    }

    /** Whether a file of {@code size} bytes is over the limit (told before its bytes are read). */
    public boolean tooLarge(long size) {
        return size > maxFileSize();
    }

    /** Checks {@code upload} on its bytes: the file it really is, or why it is refused. */
    public Result check(Upload upload) {
        if (upload == null || upload.content() == null || upload.content().length == 0) {
            return Result.refused(Refusal.MISSING);
        }
        if (tooLarge(upload.content().length)) {
            return Result.refused(Refusal.TOO_LARGE);
        }
        Optional<FileType> type = FileType.detect(upload.content());
        if (type.isEmpty() || !nameFits(upload.declaredName(), type.get())) {
            return Result.refused(Refusal.WRONG_TYPE);
        }
        return new Result(new Accepted(sanitise(upload.declaredName(), type.get()), type.get(), upload.content()), null);
    }

    /** Either the accepted file or the refusal. */
    public record Result(Accepted accepted, Refusal refusal) {
        public static Result refused(Refusal refusal) {
            return new Result(null, refusal);
        }
    }

    /** Whether the issue holds as many files as it may. */
    public boolean full(Issue issue) {
        return attachments.countOf(issue.id) >= settings.maxPerIssue();
    }

    /**
     * Stores {@code file} with {@code issue} (locked by the caller), sent by the customer, with its trail entry and
     * {@code issue.attachment-added} (its name, type and size — never the bytes).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Attachment add(Issue issue, Accepted file, Actor customer) {
        Attachment attachment = new Attachment(UUID.randomUUID(), issue.id, issue.customerId, file.fileName(),
                file.type().mediaType(), file.content().length, sha256(file.content()), ActorRole.customer.name(),
                ServiceClock.now(clock), Attachment.WEB, null);
        attachments.add(attachment, file.content());
        recorded(issue, attachment, customer);
        return attachment;
    }

    /** A file contact-service kept from the customer's email (its metadata on contact.logged): the bytes stay there. */
    public record Emailed(UUID id, String fileName, String mediaType, long size) {
    }

    /**
     * Lists {@code file}, which came with the contact {@code contactId}'s email, with {@code issue} (locked by the
     * caller): its trail entry and {@code issue.attachment-added}; contact-service checked it on its bytes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Attachment addEmailed(Issue issue, Emailed file, UUID contactId, Actor customer) {
        Attachment attachment = new Attachment(file.id(), issue.id, issue.customerId, file.fileName(), file.mediaType(),
                file.size(), null, ActorRole.customer.name(), ServiceClock.now(clock), Attachment.EMAIL, contactId);
        attachments.add(attachment, null);
        recorded(issue, attachment, customer);
        return attachment;
    }

    private void recorded(Issue issue, Attachment attachment, Actor customer) {
        issue.updatedAt = attachment.createdAt();
        journal.record(issue, customer, new IssueChange.AttachmentAdded(attachment.id(), attachment.fileName(),
                        attachment.mediaType(), attachment.size(), attachment.uploadedBy(), attachment.channel(),
                        attachment.contactId()),
                IssueJournal.Entry.publicly("File from " + customer.displayName() + ": " + attachment.fileName(),
                        attachment.fileName()).with(IssueJournal.facts("mediaType", attachment.mediaType(),
                        "size", Long.toString(attachment.size()), "channel", attachment.channel())));
    }

    public List<Attachment> of(Issue issue) {
        return attachments.ofIssue(issue.id);
    }

    /** One file of the issue; empty when the issue holds no such file. */
    public Optional<Attachment> find(Issue issue, String attachmentId) {
        UUID id = parse(attachmentId);
        return id == null ? Optional.empty() : attachments.find(issue.id, id);
    }

    /** One file of the issue with its bytes; empty when the issue holds no such file, or not its bytes (emailed). */
    public Optional<Download> download(Issue issue, String attachmentId) {
        return find(issue, attachmentId).filter(Attachment::bytesHere)
                .map(found -> new Download(found, attachments.content(found.id())));
    }

    /** A file and its bytes. */
    public record Download(Attachment attachment, byte[] content) {
    }

    /**
     * The name without any path, control or markup characters, at most 100 characters, with the type's extension when
     * it had none; a plain one if nothing is left.
     */
    static String sanitise(String declared, FileType type) {
        String name = declared == null ? "" : declared.substring(Math.max(declared.lastIndexOf('/'), declared.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^\\p{L}\\p{N} ._()+,-]", "_").replaceAll("\\s+", " ").strip().replaceAll("^[._ ]+", "");
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - extension.length()) + extension;
        }
        if (name.isEmpty()) {
            return "file." + type.extension();
        }
        return extension(name).isEmpty() ? name + "." + type.extension() : name; // a download opens with the right program
    }

    /** A name with no extension, or one of the type's, fits; one naming another type (".exe", ".html") does not. */
    private static boolean nameFits(String declared, FileType type) {
        String extension = extension(declared == null ? "" : declared);
        return extension.isEmpty() || EXTENSIONS.get(type).contains(extension);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static UUID parse(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
