package org.kehou.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the system's Chromium, headless, through the system's chromedriver. Both paths are given explicitly, so
 * Selenium Manager never looks for or downloads a browser or driver. Each browser gets a fresh profile, removed
 * again by {@link ChromeDriver#quit()}.
 */
public final class Browsers {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Set to {@code true} (as {@code .ci/run} does) to fail instead of skip when the browser is missing. */
    public static final String REQUIRED_PROPERTY = "kehou.require.browser";

    private static final List<String> ARGUMENTS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage");

    private Browsers() {}

    public static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    /** What is missing to start a browser, or empty when both Chromium and chromedriver are installed. */
    public static Optional<String> problem() {
        List<String> missing = new ArrayList<>();
        for (Path path : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(path)) {
                missing.add(path.toString());
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("Not installed: " + String.join(", ", missing));
    }

    /** A headless Chromium with a window of this size that asks for Chinese (zh-CN) pages. */
    public static ChromeDriver chrome(int width, int height) {
        return chrome(width, height, "zh-CN");
    }

    /**
     * A headless Chromium whose viewport is exactly this size, as a phone's: headless Chromium lays a page out no
     * narrower than 500 px whatever its window size, so the device metrics are set as well. The caller quits it.
     */
    public static ChromeDriver phone(int width, int height) {
        ChromeDriver driver = chrome(width, height);
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return driver;
    }

    /** Below this a viewport is a phone's; headless Chromium without {@link #phone} lays pages out wider. */
    private static final int PHONE_WIDTH = 500;

    /**
     * The page shows at the phone's width without scrolling sideways, on a viewport that is really a phone's
     * ({@link #phone}); when it does not, the message names the elements that reach past the edge.
     */
    public static void assertFitsThePhone(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        int window = ((Number) js.executeScript("return window.innerWidth")).intValue();
        int page = ((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue();
        assertThat(window).as("the phone's viewport").isLessThan(PHONE_WIDTH);
        if (page > window) {
            Object wide = js.executeScript("""
                    return Array.from(document.querySelectorAll('body *'))
                      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                      .slice(-5)
                      .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                        + ' ' + Math.round(e.getBoundingClientRect().right))
                      .join(', ')""");
            assertThat(page)
                    .as("page width on " + browser.getCurrentUrl() + ", past the edge: " + wide)
                    .isLessThanOrEqualTo(window);
        }
    }

    /**
     * A headless Chromium with a window of this size whose {@code Accept-Language} is the given language tag.
     * The caller quits it.
     */
    public static ChromeDriver chrome(int width, int height, String language) {
        Path profile = temporaryProfile();
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(ARGUMENTS);
        options.addArguments(
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        try {
            return new ChromeDriver(service, options) {
                @Override
                public void quit() {
                    try {
                        super.quit();
                    } finally {
                        delete(profile);
                    }
                }
            };
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("kehou-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temporary directory does no harm
        }
    }
}
