package dev.anchor.system.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's headless Chromium through Debian's ChromeDriver (no driver download), with the flags of
 * issue-service's StatusPageBrowserTest, on a phone-sized screen.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    public Browser() {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The journey needs Debian's Chromium and ChromeDriver at " + CHROMIUM + " and " + CHROMEDRIVER
                        + ": run `apt-get install -y chromium chromium-driver` (./suite test does)");
        try {
            profile = Files.createTempDirectory("anchor-journey-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options, ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(60)));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public void open(String url) {
        driver.get(url);
    }

    public String title() {
        return driver.getTitle();
    }

    public String source() {
        return driver.getPageSource();
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }

    public boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    public void type(String id, String text) {
        driver.findElement(By.id(id)).sendKeys(text);
    }

    /** Clicks the element once it is there and clickable (bounded): a click may follow a navigation still under way. */
    public void click(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                .click();
    }

    /** The element focused now: its id, or its tag name when it has none. */
    public String focused() {
        WebElement active = driver.switchTo().activeElement();
        String id = active.getAttribute("id");
        return id == null || id.isEmpty() ? active.getTagName() : id;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** axe-core's WCAG 2.2 A/AA violations on the page as it is now, one line each (empty: none). */
    public List<String> accessibilityViolations() {
        var results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze(driver);
        return results.getViolations().stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " — " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }

    /** Waits (bounded) until the page shows the element {@code id}; true when it does. */
    public boolean shows(String id) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /** Waits for a form's redirect back to the page (bounded). */
    public void arrivedAt(String query) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(query));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
