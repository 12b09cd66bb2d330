package vn.motcua.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven by Selenium through the
 * system chromedriver (nothing is downloaded). Register it as a JUnit
 * extension to keep a screenshot of the page when a test fails
 * (target/browser-screenshots/).
 */
public class Browser implements TestWatcher, AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private ChromeDriver driver;

    public WebDriver driver() {
        if (driver == null) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--window-size=1280,900", "--lang=vi",
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new java.io.File(CHROMEDRIVER)).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }
        return driver;
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Scrolls the element to the middle of the window first, as a person would, then clicks it.
     * The scroll is instant: Bootstrap turns on smooth scrolling, and a click sent while the page
     * still glides lands on whatever passes under the pointer. Should something still cover the
     * element for a moment (a collapsing alert), the click is tried again until the wait ends.
     */
    public void click(By by) {
        new WebDriverWait(driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    WebElement e = d.findElement(by);
                    if (!e.isDisplayed() || !e.isEnabled()) {
                        return false;
                    }
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
                    e.click();
                    return true;
                });
    }

    public void waitForText(By by, String text) {
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public void login(String baseUrl, String username, String password) {
        driver().get(baseUrl + "/login");
        waitFor(By.id("username")).sendKeys(username);
        driver().findElement(By.id("password")).sendKeys(password);
        driver().findElement(By.id("login-submit")).click();
        waitFor(By.id("user-menu"));
    }

    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "browser-screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver != null) {
            try {
                Path file = screenshot(context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName()
                        .replaceAll("[^A-Za-z0-9]", "_"));
                System.err.println("Screenshot of the failed browser test: " + file.toAbsolutePath());
            } catch (Exception e) {
                System.err.println("Could not take a screenshot: " + e.getMessage());
            }
        }
        close();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        close();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        close();
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        close();
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
