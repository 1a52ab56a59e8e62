package dev.anchor.contact.api;

import dev.anchor.contact.domain.CustomerReplies;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A file a customer emailed, as a download for staff: always saved, never shown inline, with the type detected from
 * its bytes and nosniff, so no browser runs what someone sent us as a page of ours.
 */
final class AttachmentDownload {

    private AttachmentDownload() {
    }

    static Response of(CustomerReplies.Download download) {
        var file = download.attachment();
        return Response.ok(download.content()).type(file.mediaType())
                .header("Content-Disposition", disposition(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("ETag", "\"" + file.sha256() + "\"").build();
    }

    /** RFC 6266: an ASCII fallback name and the real one in UTF-8 (RFC 8187). */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9 ._()+,-]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
