package dev.anchor.issue;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
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

import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status page as a customer uses it on a phone, in Debian's headless Chromium (the page has no script; the
 * forms post and redirect back): it shows the next action and the public history, hides internal notes, takes a comment and a close.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class StatusPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int PHONE_WIDTH = 390;

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The status-page browser test needs Debian's Chromium and ChromeDriver at " + CHROMIUM + " and "
                        + CHROMEDRIVER + ": run `apt-get install -y chromium chromium-driver`");
        profile = Files.createTempDirectory("anchor-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        // A phone's screen: 390 CSS pixels wide (headless windows cannot be narrower than 500).
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", PHONE_WIDTH, "height", 844, "pixelRatio", 2.0)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options,
                ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(60)));
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

    @Test
    void aCustomerReadsCommentsAndClosesOnAPhone() throws IOException {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "Europe/London"));
        browser.get(base.toString().replaceAll("/$", "") + journey.path());

        assertEquals("Your issue " + journey.number(), browser.getTitle());
        assertEquals(journey.number(), text("number"));
        assertEquals("We are working on it", text("status"));
        assertEquals("Bob Baker", text("owner"));
        assertTrue(text("next-action").startsWith("Send photos — you, by"), text("next-action"));
        String history = text("history");
        assertTrue(history.contains("Please send photos"), history);
        assertTrue(history.contains("Bob takes over tonight"), history);
        assertFalse(browser.getPageSource().contains("Internal note"), "internal notes never reach the page");
        fitsThePhone();
        screenshot("status-page-phone.png");

        browser.findElement(By.cssSelector("label[for=comment-text]"));
        browser.findElement(By.id("comment-text")).sendKeys("The photos are attached to my email");
        browser.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
        arrivedAt("notice=commented");
        assertEquals("Thank you, your comment was added.", text("notice-text"));
        assertEquals("Success: Your issue " + journey.number(), browser.getTitle());
        assertEquals("notice", browser.switchTo().activeElement().getAttribute("id"), "the banner has the focus");
        List<String> lines = browser.findElements(By.cssSelector("#history li")).stream().map(WebElement::getText).toList();
        assertTrue(lines.stream().anyMatch(line -> line.contains("The photos are attached to my email") && line.contains("You")),
                String.join("\n", lines));

        browser.findElement(By.id("close")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-close")));
        assertEquals("Are you sure you want to close this issue?", text("confirm-title"));
        browser.findElement(By.id("confirm-close")).click();
        arrivedAt("notice=closed");
        assertEquals("Your issue is closed.", text("notice-text"));
        assertEquals("Closed", text("status"));
        assertTrue(browser.findElements(By.id("close")).isEmpty(), "no close button on a closed issue");
        as(AGENT).get("/issues/{id}", journey.id()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("closed"));
        screenshot("status-page-closed.png");
    }

    @Test
    void aCustomerSendsAPhotoWithoutJavaScriptOnAPhone() throws Exception {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "Europe/London"));
        String page = base.toString().replaceAll("/$", "") + journey.path();
        browser.get(page);

        // a file that is not what it claims: refused on the page, with the error summary and the field marked
        Path fake = Files.createTempFile(profile, "not-a-photo", ".jpg");
        Files.writeString(fake, "<!DOCTYPE html><html><body>not a photo</body></html>");
        browser.findElement(By.id("file")).sendKeys(fake.toString());
        browser.findElement(By.id("upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("file-error")));
        assertEquals("There is a problem", text("notice-title"));
        assertEquals("The selected file must be a JPEG, PNG or HEIC photo, or a PDF.", text("notice-text"));
        assertTrue(browser.getTitle().startsWith("Error: "), browser.getTitle());
        assertTrue(browser.findElements(By.id("attachments")).isEmpty(), "nothing stored");

        Path photo = Files.createTempFile(profile, "fault", ".jpg");
        Files.write(photo, AttachmentTest.jpeg(2 * 1024 * 1024));
        browser.findElement(By.cssSelector("label[for=file]"));
        browser.findElement(By.id("file")).sendKeys(photo.toString());
        browser.findElement(By.id("upload")).click();
        arrivedAt("notice=attached");
        assertEquals("Thank you, your file was added.", text("notice-text"));
        String listed = text("attachments");
        assertTrue(listed.contains(photo.getFileName().toString()) && listed.contains("2 MB"), listed);
        String href = browser.findElement(By.cssSelector("#attachments a")).getAttribute("href");
        assertTrue(href.contains(journey.path() + "/attachments/"), href);
        as(AGENT).get("/issues/{id}/attachments", journey.id()).then().statusCode(200)
                .body("[0].size", org.hamcrest.Matchers.equalTo(2 * 1024 * 1024));
        fitsThePhone();
        for (WebElement element : browser.findElements(By.cssSelector("#attachments li, #file, #upload"))) {
            Rectangle box = element.getRect();
            assertTrue(box.getX() >= 0 && box.getX() + box.getWidth() <= PHONE_WIDTH, "overflows: " + box.getWidth());
        }
        browser.get(browser.getCurrentUrl().replaceAll("#.*$", "") + "#upload-heading");
        screenshot("status-page-attachment.png");
    }

    /** Waits for the redirect after a form post to land on the page again. */
    private void arrivedAt(String query) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(query));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private void fitsThePhone() {
        Rectangle main = browser.findElement(By.tagName("main")).getRect();
        assertTrue(main.getWidth() <= PHONE_WIDTH, "the page is laid out for a phone: main is " + main.getWidth() + " px");
        for (String selector : List.of("main", "#history li", "#comment-text", "#close", "#next-action")) {
            for (WebElement element : browser.findElements(By.cssSelector(selector))) {
                Rectangle box = element.getRect();
                assertTrue(box.getX() >= 0 && box.getX() + box.getWidth() <= PHONE_WIDTH,
                        selector + " overflows a " + PHONE_WIDTH + " px wide screen: " + box.getX() + "+" + box.getWidth());
            }
        }
    }

    private void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }
}
