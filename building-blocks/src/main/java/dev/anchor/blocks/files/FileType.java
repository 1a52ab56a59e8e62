package dev.anchor.blocks.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a customer may send, recognised by their first bytes (magic numbers) — never by the declared
 * content type or the file's name, which the sender chooses. Shared by every service that takes files from customers.
 */
public enum FileType {

    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    HEIC("image/heic", "heic"),
    PDF("application/pdf", "pdf");

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** ISO BMFF brands of HEIF images (iPhone photos): bytes 8–11 after the "ftyp" box name at 4–7. */
    private static final java.util.Set<String> HEIF_BRANDS = java.util.Set.of("heic", "heix", "heim", "heis", "mif1", "msf1");

    private final String mediaType;
    private final String extension;

    FileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The type {@code bytes} are, or empty when they are none of the accepted kinds. */
    public static Optional<FileType> detect(byte[] bytes) {
        if (startsWith(bytes, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (bytes.length >= 12 && "ftyp".equals(new String(bytes, 4, 4, StandardCharsets.US_ASCII))
                && HEIF_BRANDS.contains(new String(bytes, 8, 4, StandardCharsets.US_ASCII))) {
            return Optional.of(HEIC);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
