package dev.anchor.issue.api.statuspage;

import dev.anchor.issue.domain.IssueAttachments;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A file sent with an issue, as a download for staff and for the customer alike: always saved, never shown inline
 * ({@code Content-Disposition: attachment}), with the type detected from its bytes and {@code nosniff}, so no browser
 * runs what someone uploaded as a page of ours.
 */
public final class Downloads {

    private Downloads() {
    }

    public static Response of(IssueAttachments.Download download) {
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
