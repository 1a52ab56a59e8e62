package dev.anchor.customer;

import dev.anchor.blocks.security.SignedLinks;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Links as notification-service makes them (SignedLinks, the shared anchor.links.secret), and requests as a browser sends them. */
final class PreferenceLinkFixtures {

    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private PreferenceLinkFixtures() {
    }

    static SignedLinks signer() {
        return new SignedLinks(ConfigProvider.getConfig().getValue("anchor.links.secret", String.class));
    }

    static Instant tomorrow() {
        return Instant.now().plus(Duration.ofDays(1));
    }

    static String unsubscribeToken(String customerId, String category) {
        return signer().sign("unsubscribe", tomorrow(), customerId, category);
    }

    static String preferencesToken(String customerId) {
        return signer().sign("preferences", tomorrow(), customerId);
    }

    static RequestSpecification browser() {
        return given().header("Accept", BROWSER_ACCEPT).header("Accept-Language", "en-GB,en;q=0.9");
    }

    /** The one-click POST exactly as a mail provider sends it: no cookie, no Authorization, no Accept preference. */
    static Response oneClick(String token) {
        return given().urlEncodingEnabled(false).contentType(FORM).body(ONE_CLICK)
                .post("/preferences/unsubscribe?token=" + token);
    }

    static Response openPreferences(String token) {
        return browser().queryParam("token", token).get("/preferences");
    }

    /** The version the form on {@code html} was rendered for. */
    static String versionIn(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"([0-9]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no version in the form:\n" + html);
        }
        return m.group(1);
    }
}
