package dev.anchor.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher as a user runs it: its help, and the tokens it mints for the local services. */
class SuiteLauncherTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void helpDocumentsEveryCommand() throws Exception {
        Result help = run("./suite", "help");
        assertEquals(0, help.exit());
        for (String command : List.of("up", "down", "status", "logs", "token", "test", "events")) {
            assertTrue(help.out().contains("\n  " + command), "help mentions " + command + ":\n" + help.out());
        }
        assertNotEquals(0, run("./suite", "no-such-command").exit());
    }

    @Test
    void mintsTokensSignedByTheLocalKeyWithTheRequestedRole() throws Exception {
        Result minted = run("./suite", "token", "--role", "partner", "--sub", "store.berlin", "--location", "store-042",
                "--name", "Store Berlin");
        assertEquals(0, minted.exit(), minted.out());
        String[] parts = minted.out().trim().split("\\.");
        assertEquals(3, parts.length, "a JWS in compact form");

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey(ROOT.resolve(".suite/run/keys/public.pem")));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "signed with the suite's key");

        JsonNode header = json(parts[0]);
        JsonNode claims = json(parts[1]);
        assertEquals("RS256", header.path("alg").asText());
        assertEquals("https://anchor.local", claims.path("iss").asText());
        assertEquals("store.berlin", claims.path("sub").asText());
        assertEquals("partner", claims.path("groups").path(0).asText());
        assertEquals("store-042", claims.path("location").asText());
        assertEquals("Store Berlin", claims.path("name").asText());
        assertTrue(claims.path("exp").asLong() > Instant.now().getEpochSecond());
    }

    @Test
    void refusesUnknownRoles() throws Exception {
        assertNotEquals(0, run("./suite", "token", "--role", "admin", "--sub", "x").exit());
    }

    private static JsonNode json(String base64url) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(base64url));
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private record Result(int exit, String out) {
    }

    private static Result run(String... command) throws Exception {
        // progress lines (e.g. "generating an RSA key pair" on first use) go to stderr; stdout is the answer
        Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(ROOT.resolve("system-tests/target/suite-launcher.log").toFile()))
                .start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "suite answers within a minute");
        return new Result(process.exitValue(), out);
    }
}
