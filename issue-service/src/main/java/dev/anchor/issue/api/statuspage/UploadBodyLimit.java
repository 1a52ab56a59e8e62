package dev.anchor.issue.api.statuspage;

import dev.anchor.blocks.http.LargeBodies;
import dev.anchor.issue.domain.AttachmentSettings;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.regex.Pattern;

/**
 * The status page's upload form is the one route that takes more than the shared 64 KiB: a file of
 * {@code anchor.attachments.max-file-size} and the form around it. Vert.x's own limit
 * ({@code quarkus.http.limits.max-body-size}) must leave room for it, which the start checks. A browser's upload that
 * says it is larger (a 30 MB photo) is answered before Vert.x would cut the connection: the body is read and dropped
 * (up to {@link #DRAIN_LIMIT}), then the browser is sent back to its page with the error, any other client gets the
 * 413 problem — so the customer sees "The selected file must be smaller than 10 MB", not a broken connection.
 */
@ApplicationScoped
public class UploadBodyLimit implements LargeBodies {

    /** Room for the form token, the part headers and the multipart boundaries around the file. */
    static final long FORM_OVERHEAD = 64 * 1024;
    private static final Pattern UPLOAD = Pattern.compile("/status/[^/]+/attachments");
    /** Beyond this a declared body is not even read: the connection is closed after the answer. */
    static final long DRAIN_LIMIT = 100L * 1024 * 1024;

    private final AttachmentSettings settings;
    private final MemorySize vertxLimit;

    public UploadBodyLimit(AttachmentSettings settings,
                           @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize vertxLimit) {
        this.settings = settings;
        this.vertxLimit = vertxLimit;
    }

    @Override
    public long maxBytes(String method, String path) {
        return "POST".equals(method) && UPLOAD.matcher(path).matches()
                ? settings.maxFileSize().asLongValue() + FORM_OVERHEAD : -1;
    }

    void install(@Observes Router router) {
        // ahead of Vert.x's body limit and of REST, right after the page headers (PageHeaders, Integer.MIN_VALUE)
        router.post().order(Integer.MIN_VALUE + 1).pathRegex(UPLOAD.pattern()).handler(this::refuseDeclaredTooLarge);
    }

    private void refuseDeclaredTooLarge(RoutingContext context) {
        long declared = declaredLength(context.request().getHeader("Content-Length"));
        long limit = settings.maxFileSize().asLongValue() + FORM_OVERHEAD;
        if (declared <= limit) {
            context.next();
            return;
        }
        String accept = context.request().getHeader("Accept");
        boolean browser = accept != null && accept.strip().startsWith("text/html");
        Runnable answer = () -> {
            if (browser) {
                context.response().setStatusCode(303)
                        .putHeader("Location", context.request().path().replaceAll("/attachments$", "")
                                + "?notice=file-too-large").end();
            } else {
                context.fail(413); // EdgeProblems answers it as the shared 413 problem
            }
        };
        if (declared > DRAIN_LIMIT) {
            context.response().putHeader("Connection", "close");
            answer.run();
            return;
        }
        context.request().handler(dropped -> { });
        context.request().endHandler(done -> answer.run());
        context.request().resume();
    }

    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void check(@Observes StartupEvent start) {
        long needed = settings.maxFileSize().asLongValue() + FORM_OVERHEAD;
        if (vertxLimit.asLongValue() < needed) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + vertxLimit.asLongValue()
                    + " bytes) is below what the upload form needs for anchor.attachments.max-file-size: " + needed);
        }
    }
}
