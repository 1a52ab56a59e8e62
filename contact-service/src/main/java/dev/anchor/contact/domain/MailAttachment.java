package dev.anchor.contact.domain;

/**
 * A file that came with an email, as the mailbox adapter read it: the name and type its sender declared and its
 * bytes, or why they were not read ({@code content} null then).
 */
public record MailAttachment(String fileName, String declaredType, byte[] content, NotRead notRead) {

    /** Why a file's bytes were not read into memory. */
    public enum NotRead { TOO_LARGE, TOO_MANY, UNREADABLE }

    public static MailAttachment read(String fileName, String declaredType, byte[] content) {
        return new MailAttachment(fileName, declaredType, content, null);
    }

    public static MailAttachment notRead(String fileName, String declaredType, NotRead why) {
        return new MailAttachment(fileName, declaredType, null, why);
    }
}
