package org.boxoffice.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through the machine's chromedriver ({@code chromium} and {@code chromium-driver} on
 * Debian; {@code CHROME_BIN} / {@code CHROMEDRIVER} elsewhere). No driver is downloaded.
 */
final class Chromium {

    static final Path BROWSER = Path.of(env("CHROME_BIN", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    static String missing() {
        return "No Chromium: " + BROWSER + " or " + DRIVER + " is missing, so the browser journeys are skipped. "
                + "Install them with `apt-get install -y chromium chromium-driver` (.ci/run does) or set CHROME_BIN "
                + "and CHROMEDRIVER.";
    }

    static ChromeDriver start(Path profile, String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // A closed network refuses Chromium's background connections; these flags keep it from trying.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900",
                "--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
