package org.boxoffice.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

/**
 * The accessibility audit the journeys rely on, shown to fail: pages with planted violations, served from a small
 * HTTP server of the test's own (no platform needed), must be reported with exactly the rules they break, and the
 * same pages without them must pass. Also shows that the audit's configuration runs what a plain run by WCAG tag
 * would skip without a word: WCAG 2.2 AA rules, rules axe leaves off by default or calls experimental, and WCAG
 * violations of low impact.
 */
class AccessibilityAuditIT {

    private static final Path ROOT = Path.of(System.getProperty("boxoffice.root", "..")).toAbsolutePath().normalize();
    private static final AccessibilityAudit AUDIT = new AccessibilityAudit(
            ROOT.resolve("browser-test/target/accessibility-fixtures.txt"));
    private static final byte[] PICTURE = TestImages.png(40, 40);

    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();
    private static HttpServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        if (!Chromium.installed()) {
            return;
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.equals("/picture.png") ? PICTURE
                    : PAGES.getOrDefault(path, "").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    path.endsWith(".png") ? "image/png" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path target = ROOT.resolve("browser-test/target");
        Files.createDirectories(target);
        Files.deleteIfExists(target.resolve("accessibility-fixtures.txt"));
        browser = Chromium.start(Files.createTempDirectory(target, "chromium-profile-audit-"), "en-US");
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(Chromium.installed(), Chromium::missing);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void reportsExactlyTheViolationsPlantedInAPageAndNoneWithoutThem() {
        List<AccessibilityAudit.Violation> planted = audit("/planted", page(
                "<img id='photo' src='/picture.png' width='40' height='40'>",
                "<input id='nickname' name='nickname' type='text'>",
                "<p id='notice' style='color:#a3a3a3;background:#ffffff'>Doors open at seven.</p>"));
        assertThat(planted).extracting(AccessibilityAudit.Violation::rule)
                .containsExactlyInAnyOrder("image-alt", "label", "color-contrast");
        assertThat(planted).allSatisfy(v -> {
            assertThat(v.failing()).as(v.rule() + " fails the journey").isTrue();
            assertThat(v.nodes()).as(v.rule() + " names the planted element").hasSize(1);
        });
        assertThat(node(planted, "image-alt")).startsWith("#photo");
        assertThat(node(planted, "label")).startsWith("#nickname");
        assertThat(node(planted, "color-contrast")).startsWith("#notice");

        List<AccessibilityAudit.Violation> clean = audit("/clean", page(
                "<img id='photo' src='/picture.png' width='40' height='40' alt='Stage lights against a purple sky'>",
                "<label for='nickname'>Nickname</label><input id='nickname' name='nickname' type='text'>",
                "<p id='notice' style='color:#404040;background:#ffffff'>Doors open at seven.</p>"));
        assertThat(clean).as("the same page without the planted violations").isEmpty();
    }

    @Test
    void runsWhatAPlainRunByWcagTagWouldSkipAndFailsWcagViolationsOfAnyImpact() {
        List<String> rules = AUDIT.rules(open("/rules", page("", "", "")));
        // target-size (WCAG 2.2 AA 2.5.8) is off by default; label-content-name-mismatch (2.1 A 2.5.3) and
        // css-orientation-lock (2.1 AA 1.3.4) are experimental: runOnly by tag would leave all three out.
        assertThat(rules).contains("image-alt", "label", "color-contrast", "target-size",
                "label-content-name-mismatch", "css-orientation-lock", "region", "landmark-one-main");
        assertThat(rules).as("AAA is not the bar").doesNotContain("color-contrast-enhanced");

        List<AccessibilityAudit.Violation> found = audit("/skipped-before", page(
                "<div style='display:flex'><button id='more' type='button' aria-label='More'"
                        + " style='width:12px;height:12px;padding:0;border:0'></button><button id='less'"
                        + " type='button' aria-label='Less' style='width:12px;height:12px;padding:0;border:0'></button>"
                        + "</div>",
                "<button id='buy' type='button' aria-label='Close' style='min-width:44px;min-height:44px;"
                        + "margin-top:3rem'>Buy tickets</button>",
                "<p id='twice'>Doors open at seven.</p><p id='twice'>Doors close at eleven.</p>"));
        assertThat(found).extracting(AccessibilityAudit.Violation::rule)
                .containsExactlyInAnyOrder("target-size", "label-content-name-mismatch", "duplicate-id");
        assertThat(found).allSatisfy(v -> assertThat(v.failing()).as(v.rule() + " fails the journey").isTrue());
        assertThat(found).filteredOn(v -> v.rule().equals("duplicate-id")).singleElement()
                .satisfies(v -> assertThat(v.impact()).as("low impact, still a WCAG failure").isEqualTo("minor"));
    }

    @Test
    void reportsABestPracticeButFailsOnlyWhenItIsSerious() {
        List<AccessibilityAudit.Violation> found = audit("/best-practice", """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Audit fixture</title></head>
                <body><h1>Audit fixture</h1><p>Doors open at seven.</p></body></html>""");
        assertThat(found).extracting(AccessibilityAudit.Violation::rule).contains("landmark-one-main", "region");
        assertThat(found).allSatisfy(v -> {
            assertThat(v.wcag()).as(v.rule() + " is a best practice").isFalse();
            assertThat(v.failing()).as(v.rule() + " (" + v.impact() + ") does not fail a journey").isFalse();
        });
    }

    /** A page that passes every rule the audit runs, but for what the three slots put in its main landmark. */
    private static String page(String image, String field, String notice) {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>Audit fixture</title></head>
                <body><main><h1>Audit fixture</h1>%s<form>%s</form>%s</main></body></html>
                """.formatted(image, field, notice);
    }

    private static ChromeDriver open(String path, String html) {
        PAGES.put(path, html);
        browser.get("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                browser.executeScript("return [...document.images].every(i => i.complete);"))
                && d.findElement(By.tagName("h1")).isDisplayed());
        return browser;
    }

    private static List<AccessibilityAudit.Violation> audit(String path, String html) {
        return AUDIT.audit(open(path, html), path);
    }

    private static String node(List<AccessibilityAudit.Violation> violations, String rule) {
        return violations.stream().filter(v -> v.rule().equals(rule)).findFirst().orElseThrow().nodes().getFirst();
    }
}
