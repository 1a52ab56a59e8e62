package dev.anchor.contact.domain;

import dev.anchor.blocks.files.FileType;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which files of an email are kept: a photo or a PDF recognised by its bytes ({@link FileType}) whose name does not
 * claim another type, read whole within the size limit; everything else is refused and keeps no bytes.
 */
public final class EmailFiles {

    /** A file checked: what is stored of it, and its bytes when it is kept. */
    public record Checked(EmailAttachment attachment, byte[] content) {
    }

    /** The extensions a name may end in for each type; another known one (".exe", ".html") lies about the type. */
    private static final Map<FileType, Set<String>> EXTENSIONS = Map.of(
            FileType.JPEG, Set.of("jpg", "jpeg", "jpe", "jfif"), FileType.PNG, Set.of("png"),
            FileType.HEIC, Set.of("heic", "heif"), FileType.PDF, Set.of("pdf"));
    static final int MAX_NAME = 200;

    private EmailFiles() {
    }

    static List<Checked> check(UUID messageId, List<MailAttachment> files) {
        List<Checked> checked = new ArrayList<>();
        for (MailAttachment file : files) {
            checked.add(check(messageId, checked.size(), file));
        }
        return checked;
    }

    private static Checked check(UUID messageId, int position, MailAttachment file) {
        String declared = clip(file.declaredType(), 200);
        if (file.content() == null) {
            String reason = file.notRead() == null ? EmailAttachment.UNREADABLE : switch (file.notRead()) {
                case TOO_LARGE -> EmailAttachment.TOO_LARGE;
                case TOO_MANY -> EmailAttachment.TOO_MANY;
                case UNREADABLE -> EmailAttachment.UNREADABLE;
            };
            return refused(messageId, position, sanitise(file.fileName(), null), declared, null, null, reason);
        }
        byte[] content = file.content();
        Optional<FileType> type = FileType.detect(content);
        if (type.isEmpty() || !nameFits(file.fileName(), type.get())) {
            return refused(messageId, position, sanitise(file.fileName(), null), declared, (long) content.length,
                    sha256(content), EmailAttachment.NOT_ALLOWED_TYPE);
        }
        EmailAttachment kept = new EmailAttachment(UUID.randomUUID(), messageId, position,
                sanitise(file.fileName(), type.get()), declared, type.get().mediaType(), (long) content.length,
                sha256(content), EmailAttachment.Status.kept, null);
        return new Checked(kept, content);
    }

    private static Checked refused(UUID messageId, int position, String name, String declared, Long size, String sha256,
                                   String reason) {
        return new Checked(new EmailAttachment(UUID.randomUUID(), messageId, position, name, declared, null, size, sha256,
                EmailAttachment.Status.refused, reason), null);
    }

    /**
     * The name without any path or control (or bidirectional override) characters, at most {@link #MAX_NAME}
     * characters keeping its extension, with the type's extension when it had none; a plain one if nothing is left.
     */
    static String sanitise(String declared, FileType type) {
        String name = declared == null ? "" : declared.substring(Math.max(declared.lastIndexOf('/'), declared.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").replaceAll("\\s+", " ").strip().replaceAll("^[. ]+", "");
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - extension.length()) + extension;
        }
        String fallback = type == null ? "attachment" : "attachment." + type.extension();
        if (name.isEmpty()) {
            return fallback;
        }
        // a download opens with the right program
        return type != null && extension(name).isEmpty() && name.length() <= MAX_NAME - 5 ? name + "." + type.extension() : name;
    }

    /** A name with no extension, or one of the type's, fits; one naming another type does not. */
    private static boolean nameFits(String declared, FileType type) {
        String extension = extension(declared == null ? "" : declared.strip());
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

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
