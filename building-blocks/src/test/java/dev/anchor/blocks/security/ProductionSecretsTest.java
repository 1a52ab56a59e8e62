package dev.anchor.blocks.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

    private static final List<String> REQUIRED =
            List.of("quarkus.datasource.password", "anchor.callbacks.secret:ANCHOR_CALLBACK_SECRET");

    private static List<String> problems(Map<String, String> values) {
        return ProductionSecrets.problems(REQUIRED, name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void realCredentialsPass() {
        assertEquals(List.of(), problems(Map.of("quarkus.datasource.password", "s3cret",
                "anchor.callbacks.secret", "9f2c4e1a7b3d5f60812a4c6e8b0d2f4a")));
    }

    @Test
    void aMissingOrBlankCredentialIsRefusedNamingPropertyAndVariable() {
        List<String> problems = problems(Map.of("anchor.callbacks.secret", "  "));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("quarkus.datasource.password is not set"), problems.get(0));
        assertTrue(problems.get(0).contains("QUARKUS_DATASOURCE_PASSWORD"), problems.get(0));
        assertTrue(problems.get(1).startsWith("anchor.callbacks.secret is not set"), problems.get(1));
        assertTrue(problems.get(1).contains("ANCHOR_CALLBACK_SECRET"), problems.get(1));
    }

    @Test
    void theDevelopmentDefaultIsRefused() {
        List<String> problems = problems(Map.of("quarkus.datasource.password", "s3cret",
                "anchor.callbacks.secret", "local-callback-secret-change-me"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("anchor.callbacks.secret is the well-known development default"),
                problems.get(0));
        assertTrue(problems.get(0).contains("ANCHOR_CALLBACK_SECRET"), problems.get(0));
    }

    @Test
    void aConditionalCredentialIsRequiredOnlyWhenItsIntegrationIsConfigured() {
        List<String> required = List.of("anchor.sms.smpp.password:ANCHOR_SMS_SMPP_PASSWORD if anchor.sms.smpp.host");
        assertEquals(List.of(), ProductionSecrets.problems(required, name -> Optional.empty()));
        List<String> problems = ProductionSecrets.problems(required,
                name -> Optional.ofNullable(Map.of("anchor.sms.smpp.host", "smsc.example.com").get(name)));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("anchor.sms.smpp.password is not set: set the environment variable "
                + "ANCHOR_SMS_SMPP_PASSWORD"), problems.get(0));
        assertEquals(List.of(), ProductionSecrets.problems(required, name -> Optional.ofNullable(
                Map.of("anchor.sms.smpp.host", "smsc.example.com", "anchor.sms.smpp.password", "p4ss").get(name))));
    }

    @Test
    void theVariableFollowsTheMicroProfileRuleWhenNotNamed() {
        assertEquals("QUARKUS_DATASOURCE_PASSWORD", ProductionSecrets.environmentVariable("quarkus.datasource.password"));
    }
}
