package dev.anchor.blocks.files;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A file's type is read from its first bytes, whatever it is called or declared as. */
class FileTypeTest {

    @Test
    void recognisesPhotosAndPdfsByTheirMagicNumbers() {
        assertEquals(Optional.of(FileType.JPEG), FileType.detect(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals(Optional.of(FileType.PNG), FileType.detect(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
        assertEquals(Optional.of(FileType.PDF), FileType.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(FileType.HEIC), FileType.detect(heif("heic")));
        assertEquals(Optional.of(FileType.HEIC), FileType.detect(heif("mif1")));
        assertEquals("image/jpeg", FileType.JPEG.mediaType());
        assertEquals("pdf", FileType.PDF.extension());
    }

    @Test
    void refusesEverythingElse() {
        for (byte[] other : new byte[][]{new byte[0], {(byte) 0xFF, (byte) 0xD8}, "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1),
                "<!DOCTYPE html>".getBytes(StandardCharsets.US_ASCII), {0x7F, 'E', 'L', 'F'}, "%PDF".getBytes(StandardCharsets.US_ASCII),
                {(byte) 0x89, 'P', 'N', 'G'}, heif("mp42"), "GIF89a".getBytes(StandardCharsets.US_ASCII)}) {
            assertEquals(Optional.empty(), FileType.detect(other));
        }
    }

    private static byte[] heif(String brand) {
        byte[] box = new byte[16];
        box[3] = 0x18;
        System.arraycopy("ftyp".getBytes(StandardCharsets.US_ASCII), 0, box, 4, 4);
        System.arraycopy(brand.getBytes(StandardCharsets.US_ASCII), 0, box, 8, 4);
        return box;
    }
}
