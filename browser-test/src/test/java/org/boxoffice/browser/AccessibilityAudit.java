package org.boxoffice.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * An automated accessibility audit of the page the browser shows: axe-core (Deque's rules engine, from Maven Central
 * as the {@code org.webjars.npm:axe-core} webjar) injected into the page and run against WCAG 2.1 A/AA and axe's best
 * practices. A page with a serious or critical violation fails the journey that showed it; minor and moderate ones are
 * written to {@code browser-test/target/accessibility.txt} with the rest of the audit.
 */
final class AccessibilityAudit {

    /** What fails a journey: axe's two highest impacts. */
    static final Set<String> FAILING = Set.of("serious", "critical");
    private static final String AXE = axeSource();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
              resultTypes: ['violations']
            }).then(result => done(result.violations.map(v => ({
              id: v.id, impact: v.impact || 'minor', help: v.help,
              nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
            })))).catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
            """;

    private final Path report;

    AccessibilityAudit(Path report) {
        this.report = report;
    }

    /** One violated rule on a page: its axe id, impact, what it asks for, and the elements that break it. */
    record Violation(String page, String rule, String impact, String help, List<String> nodes) {

        boolean failing() {
            return FAILING.contains(impact);
        }

        @Override
        public String toString() {
            return page + ": " + impact + " " + rule + " (" + help + ")\n    " + String.join("\n    ", nodes);
        }
    }

    /** Audits what {@code browser} shows as {@code page}; returns every violation, the failing ones included. */
    List<Violation> audit(WebDriver browser, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(AXE);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript(RUN);
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> v : found) {
            @SuppressWarnings("unchecked")
            List<Object> nodes = (List<Object>) v.get("nodes");
            violations.add(new Violation(page, String.valueOf(v.get("id")), String.valueOf(v.get("impact")),
                    String.valueOf(v.get("help")), nodes.stream().map(Objects::toString).toList()));
        }
        record(page, violations);
        return violations;
    }

    private void record(String page, List<Violation> violations) {
        StringBuilder text = new StringBuilder(page).append(": ")
                .append(violations.isEmpty() ? "no violations" : violations.size() + " rule(s) violated").append('\n');
        violations.forEach(v -> text.append("  ").append(v).append('\n'));
        try {
            Files.createDirectories(report.getParent());
            Files.writeString(report, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        String path = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
        try (InputStream in = AccessibilityAudit.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's version, from its Maven metadata, so that the root pom is the one place that names it. */
    private static String axeVersion() {
        String properties = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
        try (InputStream in = AccessibilityAudit.class.getClassLoader().getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the class path: " + properties);
            }
            java.util.Properties values = new java.util.Properties();
            values.load(in);
            return values.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
