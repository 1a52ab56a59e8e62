package dev.anchor.customer;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.SUPERVISOR;
import static dev.anchor.customer.CustomerFixtures.as;
import static dev.anchor.customer.CustomerFixtures.registerId;
import static dev.anchor.customer.PreferenceLinkFixtures.preferencesToken;
import static dev.anchor.customer.PreferenceLinkFixtures.unsubscribeToken;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preferences and unsubscribe pages as a customer uses them on a 360 px phone, in Debian's headless Chromium
 * under the pages' Content-Security-Policy (no script: the forms post, the banner and the error summary take the focus
 * by {@code autofocus}), in English and German. Each state is saved as {@code target/screenshots/preferences-*.png}.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class PreferencePagesBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int PHONE_WIDTH = 360;

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver browser;
    private Path profile;

    private void startBrowser(String language) throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The preferences pages' browser test needs Debian's Chromium and ChromeDriver at " + CHROMIUM + " and "
                        + CHROMEDRIVER + ": run `apt-get install -y chromium chromium-driver`");
        profile = Files.createTempDirectory("anchor-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        // A phone's screen, 360 CSS pixels wide; tall, so one screenshot shows the whole form.
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", PHONE_WIDTH, "height", 1900, "pixelRatio", 1.0)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options, ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(60)));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de"})
    void aCustomerChangesTheirPreferencesOnAPhone(String language) throws IOException {
        startBrowser(language);
        String id = customerSpeaking(language);
        open("/preferences?token=" + preferencesToken(id));
        assertEquals(language, browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.id("channel")).isSelected(), "email is the preferred channel");
        styled();
        fitsThePhone();
        screenshot("preferences-form-" + language);

        // a mistake: the summary takes the focus and links to the field
        WebElement start = browser.findElement(By.id("quiet-start"));
        start.clear();
        start.sendKeys("25:00");
        browser.findElement(By.id("quiet-end")).clear();
        browser.findElement(By.id("save")).click();
        waitFor("error-summary");
        assertEquals("error-summary", browser.switchTo().activeElement().getAttribute("id"), "the summary has the focus");
        assertEquals("alert", browser.findElement(By.id("error-summary")).getAttribute("role"));
        List<WebElement> links = browser.findElements(By.cssSelector("#error-summary a"));
        assertEquals(List.of("#quiet-start", "#quiet-end"), links.stream()
                .map(a -> a.getAttribute("href").replaceAll(".*#", "#")).toList());
        assertTrue(browser.getTitle().startsWith(language.equals("de") ? "Fehler:" : "Error:"), browser.getTitle());
        fitsThePhone();
        screenshot("preferences-errors-" + language);
        as(AGENT).get("/customers/{id}", id).then().header("ETag", "\"1\"");

        // put right and save: the banner takes the focus, the form shows what was saved
        browser.findElement(By.id("channel-2")).click();
        browser.findElement(By.cssSelector("label[for=marketing]")).click();
        start = browser.findElement(By.id("quiet-start"));
        start.clear();
        start.sendKeys("22:00");
        browser.findElement(By.id("quiet-end")).sendKeys("7:30");
        browser.findElement(By.id("save")).click();
        waitFor("banner");
        assertEquals("banner", browser.switchTo().activeElement().getAttribute("id"), "the banner has the focus");
        assertEquals("alert", browser.findElement(By.id("banner")).getAttribute("role"));
        assertEquals("07:30", browser.findElement(By.id("quiet-end")).getAttribute("value"));
        fitsThePhone();
        screenshot("preferences-saved-" + language);
        savedAsChosen(id);
        // an agent changes the preferences while the page is open: saving again saves nothing and says so
        as(AGENT).body("""
                        {"preferredChannel": "email", "fallbackAllowed": true, "language": "%s",
                         "timeZone": "Europe/Berlin", "consent": {"service": true, "marketing": true},
                         "quietHours": {"start": "22:00", "end": "07:30"}}""".formatted(language))
                .put("/customers/{id}/preferences", id).then().statusCode(200);
        browser.executeScript("window.anchorPreviousPage = true");
        browser.findElement(By.id("save")).click();
        // the page of the first save goes first, or its banner would be read while the next page loads
        nextPageLoaded();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("banner"), language.equals("de") ? "Wichtig" : "Important"));
        assertEquals("banner", browser.switchTo().activeElement().getAttribute("id"), "the notice has the focus");
        assertTrue(browser.findElement(By.id("channel")).isSelected(), "the form shows the agent's change");
        fitsThePhone();
        screenshot("preferences-changed-meanwhile-" + language);
        as(AGENT).get("/customers/{id}", id).then()
                .body("preferences.preferredChannel", equalTo("email"));
    }

    private void savedAsChosen(String id) {
        as(AGENT).get("/customers/{id}", id).then()
                .body("preferences.preferredChannel", equalTo("sms"))
                .body("preferences.consent.marketing", equalTo(true))
                .body("preferences.quietHours.start", equalTo("22:00"))
                .body("preferences.quietHours.end", equalTo("07:30"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de"})
    void aCustomerUnsubscribesOnAPhone(String language) throws IOException {
        startBrowser(language);
        String id = customerSpeaking(language);
        open("/preferences/unsubscribe?token=" + unsubscribeToken(id, "service"));
        assertEquals(language.equals("de") ? "Service-E-Mails abbestellen?" : "Stop service emails?",
                browser.findElement(By.id("heading")).getText());
        styled();
        fitsThePhone();
        screenshot("unsubscribe-question-" + language);
        as(AGENT).get("/customers/{id}", id).then().body("preferences.consent.service", equalTo(true));

        browser.findElement(By.id("unsubscribe")).click();
        waitFor("confirmation");
        fitsThePhone();
        screenshot("unsubscribe-confirmation-" + language);
        as(AGENT).get("/customers/{id}", id).then().body("preferences.consent.service", equalTo(false));

        browser.findElement(By.id("preferences-link")).click();
        waitFor("preferences-form");
        assertTrue(!browser.findElement(By.id("service")).isSelected(), "the preferences page shows service off");

        // the same link again: already stopped, nothing to post
        open("/preferences/unsubscribe?token=" + unsubscribeToken(id, "service"));
        assertTrue(browser.findElements(By.id("unsubscribe")).isEmpty(), "no button when already stopped");
        fitsThePhone();
        screenshot("unsubscribe-already-" + language);

        // a link for critical messages (notification-service never makes one): they cannot be stopped
        open("/preferences/unsubscribe?token=" + unsubscribeToken(id, "critical"));
        assertTrue(browser.findElements(By.id("unsubscribe")).isEmpty(), "no button for critical messages");
        fitsThePhone();
        screenshot("unsubscribe-critical-" + language);

        open("/preferences?token=no.longer-valid");
        assertEquals(language.equals("de") ? "Dieser Link funktioniert nicht mehr" : "This link no longer works",
                browser.findElement(By.id("refused")).getText());
        fitsThePhone();
        screenshot("link-invalid-" + language);

        as(SUPERVISOR).delete("/customers/{id}", id).then().statusCode(204);
        open("/preferences?token=" + preferencesToken(id));
        assertEquals(language.equals("de") ? "Wir haben Ihre Daten nicht mehr" : "We no longer hold your details",
                browser.findElement(By.id("refused")).getText());
        screenshot("customer-erased-" + language);
    }

    private String customerSpeaking(String language) {
        String id = registerId();
        as(AGENT).body("""
                        {"preferredChannel": "email", "fallbackAllowed": true, "language": "%s",
                         "timeZone": "Europe/Berlin", "consent": {"service": true, "marketing": false}}"""
                        .formatted(language))
                .put("/customers/{id}/preferences", id).then().statusCode(200);
        return id;
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
    }

    /** The document marked before a submit is gone: Chromium may answer anything while it navigates, so that is ignored. */
    private void nextPageLoaded() {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(WebDriverException.class).until(driver ->
                Boolean.TRUE.equals(browser.executeScript(
                        "return window.anchorPreviousPage === undefined && document.readyState === 'complete'")));
    }

    private void waitFor(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** The style sheet loaded under the CSP: the header is the dark band, not the browser's default. */
    private void styled() {
        assertEquals("rgba(11, 12, 12, 1)", browser.findElement(By.className("header")).getCssValue("background-color"));
    }

    private void fitsThePhone() {
        // nothing wider than the screen, text included (a long German word would make the page scroll sideways)
        Object width = browser.executeScript("return document.documentElement.scrollWidth");
        assertEquals(PHONE_WIDTH, ((Number) width).intValue(), "the page scrolls sideways on a " + PHONE_WIDTH + " px screen");
        for (WebElement element : browser.findElements(By.cssSelector("main, main *"))) {
            if (!element.isDisplayed()) {
                continue;
            }
            Rectangle box = element.getRect();
            assertTrue(box.getX() >= 0 && box.getX() + box.getWidth() <= PHONE_WIDTH,
                    element.getTagName() + "#" + element.getAttribute("id") + " overflows a " + PHONE_WIDTH
                            + " px wide screen: " + box.getX() + "+" + box.getWidth());
        }
    }

    private void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
