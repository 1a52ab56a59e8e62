package dev.anchor.blocks.http;

import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.problem.ProblemException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Every body is read within the limit, whether or not it said its length (a chunked body cannot skip it), and must be
 * valid UTF-8: an overlong or broken sequence is refused rather than stored as some other character.
 */
@Provider
public class BoundedBody implements ReaderInterceptor {

    private final long maxBytes;

    public BoundedBody(@ConfigProperty(name = "anchor.http.max-body-size", defaultValue = "65536") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = readAtMost(context.getInputStream());
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw Problems.badRequest("The body is not valid UTF-8");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private byte[] readAtMost(InputStream in) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw ProblemException.of(413, "payload-too-large", "Payload too large",
                    "The body has more than " + maxBytes + " bytes; at most " + maxBytes + " are accepted");
        }
        return body;
    }
}
